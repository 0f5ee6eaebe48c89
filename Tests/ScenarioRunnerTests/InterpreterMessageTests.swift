import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

@Suite("Interpreter: messages")
struct InterpreterMessageTests {
    @Test func echoRoundTripPassesAndWritesTranscript() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: echo round trip
            steps:
              - connect: ws://fake/echo
              - send: hello
              - expect_message: hello
              - send: { json: { type: say, n: 3 } }
              - expect_message: { json: { type: say } }
              - close
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
        let events = try harness.events(result)
        let names = events.map { $0["event"] as? String ?? "" }
        #expect(names.first == "scenario_start")
        #expect(names.last == "scenario_end")
        #expect(names.contains("frame_out"))
        #expect(names.contains("message_in"))
        #expect(names.contains("handshake_request"))
        #expect(names.contains("handshake_response"))
        #expect(names.contains("close"))
        let messageIn = try #require(events.first { $0["event"] as? String == "message_in" })
        #expect(messageIn["text"] as? String == "hello")
        #expect(messageIn["conn"] as? String == "default")
        #expect(stepText(messageIn["step"]) == "1")
        #expect(events.allSatisfy { $0["t"] is NSNumber })
        let textPath = try #require(result.transcriptPath).replacingOccurrences(of: ".jsonl", with: ".txt")
        #expect(try String(contentsOfFile: textPath, encoding: .utf8).contains("message_in"))
        #expect(result.transcriptPath?.hasSuffix("transcripts/suite/test/echo-round-trip.jsonl") == true)
    }

    @Test func timedOutExpectMessageListsUnconsumedMessagesAndDiffsTheClosest() async throws {
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.greeting = [
                    Script.text(#"{"type":"joined","who":"bob"}"#), Script.text(#"{"type":"said","from":"bob"}"#),
                ]
                return script
            })
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: wrong sender
            steps:
              - connect: ws://fake/chat
              - expect_message: { json: { type: said, from: alice }, within: 200ms }
              - send: never sent
            """)
        #expect(result.status == .failed)
        let failure = try #require(result.failure)
        #expect(failure.step == "1")
        #expect(failure.line == 4)
        #expect(failure.message.contains("within 200ms"))
        #expect(failure.message.contains("#0"))
        #expect(failure.message.contains("closest: #1"))
        #expect(failure.message.contains(#"$.from: expected "alice", got "bob""#))
        let events = try harness.events(result)
        let skipped = events.filter { $0["event"] as? String == "step_end" && $0["status"] as? String == "skipped" }
        #expect(skipped.map { stepText($0["step"]) } == ["2"])
    }

    @Test func ignoredMessagesAreSkippedAndOrderedRequiresTheNextOne() async throws {
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.greeting = [Script.text(#"{"type":"heartbeat"}"#), Script.text("first"), Script.text("second")]
                return script
            })
        defer { harness.cleanUp() }
        let passing = try await harness.runOne(
            """
            name: ordered with ignore
            ignore:
              - json: { type: heartbeat }
            inbox: strict
            steps:
              - connect: ws://fake/
              - expect_message: { text: first, ordered: true }
              - expect_message: { text: second, ordered: true }
            """)
        #expect(passing.status == .passed, "\(String(describing: passing.failure))")
        let failing = try await harness.runOne(
            """
            name: ordered mismatch
            steps:
              - connect: ws://fake/
              - expect_message: { text: second, ordered: true }
            """)
        #expect(failing.status == .failed)
        #expect(failing.failure?.message.contains("(ordered)") == true)
    }

    @Test func expectMessagesMatchesInAnyOrder() async throws {
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.greeting = [Script.text(#"{"who":"carol"}"#), Script.text(#"{"who":"alice"}"#)]
                return script
            })
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: any order
            inbox: strict
            steps:
              - connect: ws://fake/
              - expect_messages:
                  all:
                    - json: { who: alice }
                    - json: { who: carol }
                  within: 1s
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
    }

    @Test func capturesFeedLaterSteps() async throws {
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.greeting = [Script.text(#"{"id":42,"nested":{"name":"x"}}"#), Script.text("count=7")]
                return script
            })
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: capture
            steps:
              - connect: ws://fake/
              - expect_message: { json: { id: !type integer }, capture: { msg_id: $.id, name: $.nested.name } }
              - expect_message: { regex: "^count=", capture_regex: { n: "count=(\\\\d+)" } }
              - send: { json: { ack: "${msg_id}", name: "${name}", n: "${n}" } }
              - expect_message: { json_exact: { ack: 42, name: x, n: "7" } }
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
        let captures = try harness.events(result).filter { $0["event"] as? String == "capture" }
        #expect(captures.map { $0["name"] as? String } == ["msg_id", "name", "n"])
    }

    @Test func looseTagsMatch() async throws {
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.greeting = [Script.text(#"{"id":"abc-1","n":2.5,"items":[{"id":7}],"meta":null}"#)]
                return script
            })
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: loose tags
            steps:
              - connect: ws://fake/
              - expect_message:
                  json: { id: !regex "^abc-\\\\d$", n: !type number, meta: !any, gone: !absent }
              - send: x
              - expect_message: x
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
        let jsonpath = try await harness.runOne(
            """
            name: jsonpath
            steps:
              - connect: ws://fake/
              - expect_message: { jsonpath: { "$.items[0].id": 7, "$.n": !type number, "$.nothing": !absent } }
            """)
        #expect(jsonpath.status == .passed, "\(String(describing: jsonpath.failure))")
    }

    @Test func binaryMatchersAndSilence() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: binary
            steps:
              - connect: ws://fake/
              - send: { binary: { hex: "00ff10" } }
              - expect_message: { binary: { prefix_hex: "00ff" } }
              - expect_silence: { for: 100ms }
              - ping: beat
              - expect_pong: beat
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
    }
}
