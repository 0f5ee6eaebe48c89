import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

@Suite("Interpreter: edge cases")
struct InterpreterEdgeTests {
    @Test func textMismatchShowsWhereTheTextsDiffer() async throws {
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.greeting = [Script.text("hello world"), Script.text("something else entirely")]
                return script
            })
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: text diff
            steps:
              - connect: ws://fake/
              - expect_message: { text: hello there, within: 100ms }
            """)
        let message = try #require(result.failure?.message)
        #expect(message.contains("closest: #0"))
        #expect(message.contains(#"expected "hello there", got "hello world" (first difference at character 7)"#))
        #expect(message.contains(#"#1 "something else entirely""#))
    }

    @Test func closeFailsWhenTheServerNeverAnswers() async throws {
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.react = { action in
                    if case .close = action { return [] }
                    return Script.echo(action)
                }
                return script
            })
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: unanswered close
            steps:
              - connect: ws://fake/
              - close: { code: 1001, reason: going, within: 150ms }
            """)
        #expect(result.status == .failed)
        #expect(result.failure?.message.contains("sent close 1001, but the server did not answer") == true)
    }

    @Test func droppedConnectionIsAClosedError() async throws {
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.react = { action in
                    if case .text("drop") = action {
                        return [
                            .error(ConnectionFailure(kind: .closed, message: "TCP ended without a close handshake")),
                            .closed(code: 1006, reason: "", by: .server),
                        ]
                    }
                    return Script.echo(action)
                }
                return script
            })
        defer { harness.cleanUp() }
        let passing = try await harness.runOne(
            """
            name: drop expected
            steps:
              - connect: ws://fake/
              - send: drop
              - expect_error: { kind: closed, message: /close handshake/ }
            """)
        #expect(passing.status == .passed, "\(String(describing: passing.failure))")
        let failing = try await harness.runOne(
            """
            name: drop unexpected
            steps:
              - connect: ws://fake/
              - send: drop
              - send: after
            """)
        #expect(failing.failure?.message.contains("connection default is not open: closed error") == true)
    }

    @Test func connectErrorsCannotHappenOnAnOpenConnection() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: no refusal
            timeout: 10s
            steps:
              - connect: ws://fake/
              - expect_error: refused
            """)
        #expect(
            result.failure?.message
                == "a refused error can only happen while connecting, and connection default is already open")
    }
}
