import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

@Suite("Interpreter: connections and errors")
struct InterpreterConnectionTests {
    static func refusing(_ request: ConnectRequest) -> Script {
        var script = Script()
        if request.url.contains("refused") {
            script.failure = ConnectionFailure(kind: .refused, message: "connection refused (127.0.0.1:1)")
        } else if request.url.contains("forbidden") {
            script.failure = ConnectionFailure(
                kind: .handshake, message: "the server answered 403 instead of 101",
                response: HandshakeResponse(
                    status: 403, reason: "Forbidden", headers: [("WWW-Authenticate", "Bearer realm=x")],
                    body: Array("forbidden here".utf8)))
        }
        return script
    }

    @Test func failedConnectFailsAtTheConnectStepAndSkipsTheRest() async throws {
        let harness = try Harness(connector: ScriptedConnector(InterpreterConnectionTests.refusing))
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: refused
            steps:
              - connect: ws://refused/
              - send: hi
              - expect_message: hi
            """)
        #expect(result.status == .failed)
        #expect(result.failure?.step == "0")
        #expect(
            result.failure?.message.contains(
                "connection refused (127.0.0.1:1) (is a server listening there? check the URL)") == true,
            "\(String(describing: result.failure))")
        let events = try harness.events(result)
        #expect(events.contains { $0["event"] as? String == "error" && $0["kind"] as? String == "refused" })
        let skipped = events.filter { $0["status"] as? String == "skipped" }.compactMap { stepText($0["step"]) }
        #expect(skipped == ["1", "2"])
        let end = try #require(events.last)
        #expect(end["event"] as? String == "scenario_end")
        #expect(end["status"] as? String == "failed")
    }

    @Test func expectErrorAndRefusedHandshake() async throws {
        let harness = try Harness(connector: ScriptedConnector(InterpreterConnectionTests.refusing))
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: errors expected
            steps:
              - connect: ws://refused/
              - expect_error: refused
              - connect: { as: web, url: ws://forbidden/ }
              - expect_handshake: { on: web, status: 403, headers: { www-authenticate: /^Bearer/ } }
              - connect: { as: other, url: ws://forbidden/ }
              - expect_error: { on: other, kind: handshake, status: 403, body: /forbidden/, headers: { WWW-Authenticate: /realm/ } }
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
    }

    @Test func handshakeRefusalExplainsStatusHeadersAndBody() async throws {
        let harness = try Harness(connector: ScriptedConnector(InterpreterConnectionTests.refusing))
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: unexpected refusal
            steps:
              - connect: ws://forbidden/
              - send: hi
            """)
        let message = try #require(result.failure?.message)
        #expect(message.contains("status: 403 Forbidden"))
        #expect(message.contains("WWW-Authenticate: Bearer realm=x"))
        #expect(message.contains("forbidden here"))
    }

    @Test func wrongErrorKindFails() async throws {
        let harness = try Harness(connector: ScriptedConnector(InterpreterConnectionTests.refusing))
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: wrong kind
            steps:
              - connect: ws://refused/
              - expect_error: { kind: timeout, within: 100ms }
            """)
        #expect(result.status == .failed)
        #expect(result.failure?.message.contains("expected a timeout error, got refused") == true)
    }

    @Test func expectCloseChecksCodeAndReason() async throws {
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.react = { action in
                    if case .text("bye") = action {
                        return [
                            .closeReceived(code: 4001, reason: "bye now"),
                            .closed(code: 4001, reason: "bye now", by: .server),
                        ]
                    }
                    return Script.echo(action)
                }
                return script
            })
        defer { harness.cleanUp() }
        let passing = try await harness.runOne(
            """
            name: server closes
            steps:
              - connect: ws://fake/
              - send: bye
              - expect_close: { code: [1000, 4001], reason: /bye/ }
            """)
        #expect(passing.status == .passed, "\(String(describing: passing.failure))")
        let failing = try await harness.runOne(
            """
            name: wrong code
            steps:
              - connect: ws://fake/
              - send: bye
              - expect_close: { code: 1000 }
            """)
        #expect(failing.failure?.message.contains("expected close code 1000, got 4001") == true)
    }

    @Test func secretsAndAuthorizationAreRedactedEverywhere() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let summary = try await harness.run(
            """
            name: secret
            secrets: [token]
            vars: { token: s3cr3t-value }
            steps:
              - connect: { url: ws://fake/, headers: { Authorization: "Bearer ${token}", Cookie: "sid=abcdef" } }
              - send: "token is ${token}"
              - expect_message: "token is ${token}"
              - expect_message: { text: "${token} again", within: 100ms }
            """)
        let result = try #require(summary.results.first)
        #expect(result.status == .failed)
        let transcript = try String(contentsOfFile: try #require(result.transcriptPath), encoding: .utf8)
        #expect(!transcript.contains("s3cr3t-value"))
        #expect(!transcript.contains("abcdef"))
        #expect(transcript.contains("***"))
        #expect(!result.transcriptText.contains("s3cr3t-value"))
        #expect(!(result.failure?.message.contains("s3cr3t-value") ?? true))
        #expect(!JUnitReport.render(summary).contains("s3cr3t-value"))
        #expect(!JSONReport.render(summary).contains("s3cr3t-value"))
    }

    @Test func repeatCountsIterationsAndNestsStepPaths() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: loop
            inbox: strict
            steps:
              - connect: ws://fake/
              - repeat:
                  times: 3
                  steps:
                    - send: "ping ${iteration}"
                    - expect_message: "ping ${iteration}"
              - set: { greeting: "hello ${scenario.name} ${uuid}" }
              - send: "${greeting}"
              - expect_message: "hello loop 00000000-0000-0000-0000-000000000001"
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
        let steps = Set(try harness.events(result).compactMap { stepText($0["step"]) })
        #expect(steps.contains("1.0"))
        #expect(steps.contains("1.1"))
    }

    /// The end-of-scenario close is not part of the assertion: a message the server sends because of it (a chat
    /// room announcing that a member left) is not an unconsumed message.
    @Test func messagesCausedByTheFinalCloseAreNotAudited() async throws {
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.react = { action in
                    guard case .close(let code, let reason) = action else { return Script.echo(action) }
                    return [
                        Script.text("{\"type\":\"left\"}"), .closeReceived(code: code ?? 1005, reason: reason),
                        .closed(code: code ?? 1005, reason: reason, by: .client),
                    ]
                }
                return script
            })
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: teardown
            inbox: strict
            steps:
              - connect: ws://fake/
              - send: hi
              - expect_message: hi
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
        #expect(result.warnings.isEmpty)
        #expect(
            try harness.events(result).contains {
                $0["event"] as? String == "message_in" && $0["text"] as? String == "{\"type\":\"left\"}"
            }, "still recorded")
    }

    @Test func strictInboxFailsOnLeftovers() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let strict = try await harness.runOne(
            """
            name: leftovers
            inbox: strict
            steps:
              - connect: ws://fake/
              - send: left over
            """)
        #expect(strict.status == .failed)
        #expect(strict.failure?.message.contains("left over") == true)
        let warn = try await harness.runOne(
            """
            name: leftovers warn
            steps:
              - connect: ws://fake/
              - send: left over
            """)
        #expect(warn.status == .passed)
        #expect(warn.warnings.count == 1)
    }

    @Test func failFastSkipsTheRest() async throws {
        let harness = try Harness(connector: ScriptedConnector(InterpreterConnectionTests.refusing))
        defer { harness.cleanUp() }
        var options = harness.options()
        options.failFast = true
        options.jobs = 1
        let summary = try await harness.run(
            """
            name: first fails
            steps:
              - connect: ws://refused/
            ---
            name: second skipped
            steps:
              - connect: ws://fake/
            """, options: options)
        #expect(summary.results.map(\.status) == [.failed, .skipped])
        #expect(!summary.allPassed)
    }
}
