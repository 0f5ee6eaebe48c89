import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// End-to-end: the built `wscenario run` against the built-in server (`--serve`).
@Suite("wscenario run against the built-in server", .serialized)
struct RunCommandTests {
    static let passing = """
        name: echo works
        tags: [smoke]
        steps:
          - connect: ${server}/echo
          - expect_handshake: 101
          - send: hello
          - expect_message: hello
          - send: { json: { type: say, n: 1 } }
          - expect_message: { json: { type: say, n: 1 } }
          - send: { text: "in pieces", fragments: 3 }
          - expect_message: "in pieces"
          - ping: beat
          - expect_pong: beat
          - close: { code: 1000, reason: bye }
        ---
        name: chat broadcast reaches every member
        steps:
          - connect: { as: alice, url: "${server}/chat/lobby" }
          - connect: { as: bob, url: "${server}/chat/lobby" }
          - expect_message: { on: alice, json: { type: welcome } }
          - expect_message: { on: bob, json: { type: welcome } }
          - send: { on: alice, json: { type: join, user: alice } }
          - expect_messages:
              on: bob
              all:
                - json: { type: joined, who: alice }
          - expect_message: { on: alice, json: { type: joined, who: alice } }
          - send: { on: alice, json: { type: say, text: hi } }
          - expect_message: { on: bob, json: { type: said, from: alice, text: hi }, capture: { room: $.room } }
          - expect_message: { on: alice, json: { type: said, room: "${room}" } }
        """

    @Test func passingRunExitsZeroWithTranscriptsAndReports() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/echo.yaml", RunCommandTests.passing)
        let result = try cli.run([
            "run", "--serve", "--report", "junit=out/junit.xml", "--report", "json=out/report.json",
        ])
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
        #expect(result.standardOutput.contains("✓ echo works"))
        #expect(result.standardOutput.contains("2 passed, 0 failed"))
        let events = try cli.events(".wscenario/transcripts/scenarios/echo/echo-works.jsonl")
        #expect(events.first?["event"] as? String == "scenario_start")
        #expect(events.last?["event"] as? String == "scenario_end")
        #expect(events.contains { $0["event"] as? String == "frame_in" && $0["opcode"] as? String == "pong" })
        #expect(events.contains { $0["event"] as? String == "close" && $0["code"] as? Int == 1000 })
        #expect(cli.exists(".wscenario/transcripts/scenarios/echo/echo-works.txt"))
        let report = try cli.json("out/report.json")
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["passed"] as? Int == 2)
        let junit = try XMLDocument(xmlString: try cli.read("out/junit.xml"))
        #expect(try junit.nodes(forXPath: "//testsuite").count == 1)
        #expect(try junit.nodes(forXPath: "//testcase").count == 2)
        #expect(try junit.nodes(forXPath: "//failure").isEmpty)
    }

    @Test func failingScenarioExitsOneAndExplainsTheFailure() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/fail.yaml",
            """
            name: wrong echo
            steps:
              - connect: ${server}/echo
              - send: '{"type":"said","from":"bob"}'
              - expect_message: { json: { type: said, from: alice }, within: 300ms }
              - send: never
            """)
        let result = try cli.run(["run", "--serve", "--report", "json=r.json", "--report", "junit=j.xml"])
        #expect(result.exitCode == 1)
        let output = result.standardOutput
        #expect(output.contains("✗ wrong echo"))
        #expect(output.contains("step 2 (expect_message) at scenarios/fail.yaml:5"))
        #expect(output.contains(#"$.from: expected "alice", got "bob""#))
        let report = try cli.json("r.json")
        let scenario = try #require((report["scenarios"] as? [[String: Any]])?.first)
        #expect(scenario["status"] as? String == "failed")
        let failure = try #require(scenario["failure"] as? [String: Any])
        #expect(failure["step"] as? Int == 2)
        #expect(failure["line"] as? Int == 5)
        let junit = try XMLDocument(xmlString: try cli.read("j.xml"))
        let message = try junit.nodes(forXPath: "//failure/@message").first?.stringValue
        #expect(message?.contains("fail.yaml:5") == true)
        // The transcript is complete after the timeout: the skipped step and the end are there.
        let events = try cli.events(".wscenario/transcripts/scenarios/fail/wrong-echo.jsonl")
        #expect(events.contains { $0["event"] as? String == "step_end" && $0["status"] as? String == "skipped" })
        #expect(events.last?["event"] as? String == "scenario_end")
        #expect(events.last?["status"] as? String == "failed")
    }

    @Test func errorKindsAgainstTheBuiltInServer() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/errors.yaml",
            """
            name: error kinds
            steps:
              - connect: { as: refused, url: "ws://127.0.0.1:1/" }
              - expect_error: { on: refused, kind: refused }
              - connect: { as: rejected, url: "${server}/reject/403" }
              - expect_handshake: { on: rejected, status: 403, headers: { x-reject-reason: requested } }
              - connect: { as: rejected2, url: "${server}/reject/401" }
              - expect_error: { on: rejected2, kind: handshake, status: 401, body: /rejected with 401/ }
              - connect: { as: masked, url: "${server}/misbehave/masked" }
              - expect_error: { on: masked, kind: protocol }
              - connect: { as: dropped, url: "${server}/misbehave/drop" }
              - expect_error: { on: dropped, kind: closed }
              - connect: { as: badaccept, url: "${server}/misbehave/bad-accept" }
              - expect_error: { on: badaccept, kind: handshake, message: /Accept/ }
              - connect: { as: early, url: "${server}/misbehave/frame-with-101" }
              - expect_message: { on: early, text: early, ordered: true }
              - connect: { as: closer, url: "${server}/close/4002?reason=go%20away" }
              - expect_close: { on: closer, code: [4002], reason: /go away/ }
            """)
        let result = try cli.run(["run", "--serve", "scenarios"])
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
    }

    @Test func invalidFilesAndEmptySelectionsExitTwo() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "bad/bad.yaml",
            """
            name: bad
            bogus_key: 1
            steps:
              - send: hi
            """)
        let invalid = try cli.run(["run", "bad"])
        #expect(invalid.exitCode == 2)
        #expect(invalid.standardError.contains("bad/bad.yaml:2:"))
        #expect(invalid.standardError.contains("error:"))
        try cli.write("good/good.yaml", RunCommandTests.passing)
        let noTag = try cli.run(["run", "--serve", "--tag", "nothing-has-this", "good"])
        #expect(noTag.exitCode == 2)
        let badShard = try cli.run(["run", "--shard", "3/2", "good"])
        #expect(badShard.exitCode == 2)
        let badReport = try cli.run(["run", "--report", "tap", "good"])
        #expect(badReport.exitCode == 2)
        let missing = try cli.run(["run", "does-not-exist"])
        #expect(missing.exitCode == 2)
    }

    @Test func tagsJobsAndShardsSelectEveryScenarioExactlyOnce() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        var documents: [String] = []
        for index in 1...5 {
            documents.append(
                """
                name: scenario \(index)
                tags: [\(index % 2 == 0 ? "even" : "odd")]
                steps:
                  - connect: ${server}/echo
                  - send: "n\(index)"
                  - expect_message: "n\(index)"
                """)
        }
        try cli.write("scenarios/many.yaml", documents.joined(separator: "\n---\n"))
        var names: [String] = []
        for shard in ["1/2", "2/2"] {
            let result = try cli.run([
                "run", "--serve", "--jobs", "2", "--shard", shard, "--report", "json=\(shard.first!).json",
            ])
            #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
            let report = try cli.json("\(shard.first!).json")
            names += (report["scenarios"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
        #expect(names.sorted() == (1...5).map { "scenario \($0)" })
        let tagged = try cli.run(["run", "--serve", "--tag", "even", "--report", "json=even.json"])
        #expect(tagged.exitCode == 0)
        let evens = (try cli.json("even.json")["scenarios"] as? [[String: Any]] ?? []).compactMap {
            $0["name"] as? String
        }
        #expect(evens == ["scenario 2", "scenario 4"])
    }

    @Test func secretsNeverReachTranscriptsReportsOrConsole() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/auth.yaml",
            """
            name: authenticated echo
            secrets: [token]
            steps:
              - connect: { url: "${server}/auth", headers: { Authorization: "Bearer ${token}" } }
              - send: "my token is ${token}"
              - expect_message: "my token is ${token}"
              - expect_message: { text: "${token} never comes", within: 200ms }
            """)
        let result = try cli.run([
            "run", "--serve", "--var", "token=secret-token", "--verbose", "--report", "json=r.json", "--report",
            "junit=j.xml",
        ])
        #expect(result.exitCode == 1)
        let everything = [
            result.standardOutput, result.standardError, try cli.read("r.json"), try cli.read("j.xml"),
            try cli.read(".wscenario/transcripts/scenarios/auth/authenticated-echo.jsonl"),
            try cli.read(".wscenario/transcripts/scenarios/auth/authenticated-echo.txt"),
        ]
        for text in everything { #expect(!text.contains("secret-token")) }
        #expect(result.standardOutput.contains("***"))
    }

    @Test func largeMessagesAreTruncatedInTranscriptsAndFailFastSkips() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/big.yaml",
            """
            name: big echo
            steps:
              - connect: ${server}/echo
              - send: { binary: { file: big.bin } }
              - expect_message: { binary: { prefix_hex: "4141" } }
            ---
            name: fails first
            steps:
              - connect: ${server}/echo
              - expect_message: { text: nothing, within: 100ms }
            ---
            name: never started
            steps:
              - connect: ${server}/echo
            """)
        try Data(repeating: 0x41, count: 70_000).write(to: cli.directory.appendingPathComponent("scenarios/big.bin"))
        let result = try cli.run(["run", "--serve", "--jobs", "1", "--fail-fast", "--report", "json=r.json"])
        #expect(result.exitCode == 1)
        let statuses = (try cli.json("r.json")["scenarios"] as? [[String: Any]] ?? []).compactMap {
            $0["status"] as? String
        }
        #expect(statuses == ["passed", "failed", "skipped"])
        let events = try cli.events(".wscenario/transcripts/scenarios/big/big-echo.jsonl")
        let message = try #require(events.first { $0["event"] as? String == "message_in" })
        #expect(message["length"] as? Int == 70_000)
        #expect(message["truncated"] as? Bool == true)
        #expect((message["base64"] as? String).flatMap { Data(base64Encoded: $0) }?.count == 65_536)
    }
}
