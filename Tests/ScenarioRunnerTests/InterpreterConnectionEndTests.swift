import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

/// How connections end: unasserted protocol errors, `close` after a connection already ended.
@Suite("Interpreter: connection ends")
struct InterpreterConnectionEndTests {
    /// The unasserted violation names the step that was running when it arrived.
    @Test func anUnassertedViolationNamesTheStepItArrivedIn() async throws {
        let violation = ConnectionFailure(kind: .protocol, message: "server frame is masked")
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.react = { action in
                    if case .text("trigger") = action {
                        return [.error(violation), .closed(code: 1002, reason: "", by: .client)]
                    }
                    return Script.echo(action)
                }
                return script
            })
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: later
            steps:
              - connect: ws://fake/
              - send: hello
              - expect_message: hello
              - send: trigger
              - wait: 10ms
            """)
        #expect(result.status == .failed)
        #expect(
            result.failure?.message.hasPrefix("connection default: server frame is masked (while step 3 ran) — ")
                == true, "\(String(describing: result.failure?.message))")
    }

    @Test func aProtocolErrorNoStepExpectedFailsTheScenario() async throws {
        let violation = ConnectionFailure(kind: .protocol, message: "text message is not valid UTF-8")
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.greeting = [.error(violation), .closed(code: 1002, reason: "", by: .client)]
                return script
            })
        defer { harness.cleanUp() }
        let unasserted = try await harness.runOne(
            """
            name: unasserted
            steps:
              - connect: ws://fake/
              - wait: 10ms
            """)
        #expect(unasserted.status == .failed)
        #expect(
            unasserted.failure?.message
                == "connection default: text message is not valid UTF-8 (while step 0 ran) — the server broke the "
                + "WebSocket protocol and no step expected it (assert it with expect_error: protocol)")
        #expect(unasserted.failure?.line == 3, "reported at the connect of that connection")
        #expect(unasserted.failure?.step == "", "not a failed step: every step passed")
        let asserted = try await harness.runOne(
            """
            name: asserted
            steps:
              - connect: ws://fake/
              - expect_error: protocol
            """)
        #expect(asserted.status == .passed, "\(String(describing: asserted.failure))")
    }

    @Test func closingAConnectionThatAlreadyEndedPassesOnceTheErrorIsAsserted() async throws {
        let dropped = ConnectionFailure(kind: .closed, message: "the server closed the TCP connection (1006)")
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.greeting = [.error(dropped), .closed(code: 1006, reason: "", by: .server)]
                return script
            })
        defer { harness.cleanUp() }
        let asserted = try await harness.runOne(
            """
            name: asserted then closed
            steps:
              - connect: ws://fake/
              - expect_error: closed
              - close
            """)
        #expect(asserted.status == .passed, "\(String(describing: asserted.failure))")
        let unasserted = try await harness.runOne(
            """
            name: closed without asserting
            steps:
              - connect: ws://fake/
              - wait: 10ms
              - close
            """)
        #expect(
            unasserted.failure?.message
                == "connection default already ended with a closed error: the server closed the TCP connection (1006) "
                + "(assert it with expect_error: closed or expect_close: { code: 1006 } before closing)")
    }

    @Test func expectingA1006DoesNotAssertAProtocolErrorAndASecondCloseFails() async throws {
        let violation = ConnectionFailure(kind: .protocol, message: "masked frame from the server")
        let harness = try Harness(
            connector: ScriptedConnector { request in
                var script = Script()
                if request.url.contains("bad") {
                    script.greeting = [.error(violation), .closed(code: 1006, reason: "", by: .client)]
                }
                return script
            })
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: 1006 is not a protocol assertion
            steps:
              - connect: ws://bad/
              - expect_close: { code: 1006 }
            """)
        #expect(result.status == .failed)
        #expect(
            result.failure?.message
                == "expected a close from the server, but it broke the protocol: masked frame from the server "
                + "(assert that with expect_error: protocol)")
        #expect(result.failure?.step == "1", "the expect_close step fails")
        let twice = try await harness.runOne(
            """
            name: closed twice
            steps:
              - connect: ws://fine/
              - close
              - close
            """)
        #expect(twice.failure?.step == "2", "\(String(describing: twice.failure))")
        #expect(twice.failure?.message.contains("is not open: closed by the client with code 1000") == true)
    }
}
