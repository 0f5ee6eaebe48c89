import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

/// `expect_close` on a connection that ended without a close frame: that counts as code 1006.
@Suite("Interpreter: expect_close without a close frame")
struct ExpectCloseWithoutFrameTests {
    /// A server that drops TCP right after the 101; `reportClose` says whether the transport's `close` event
    /// follows the `closed` error (the engine reports the error first, the close a moment later).
    static func dropping(reportClose: Bool) -> ScriptedConnector {
        ScriptedConnector { _ in
            var script = Script()
            script.greeting = [.error(ConnectionFailure(kind: .closed, message: "TCP ended without a close handshake"))]
            if reportClose { script.greeting.append(.closed(code: 1006, reason: "", by: .server)) }
            return script
        }
    }

    @Test func anyCloseExpectationPassesWhenTheErrorArrivesBeforeTheCloseEvent() async throws {
        let harness = try Harness(connector: ExpectCloseWithoutFrameTests.dropping(reportClose: false))
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: dropped
            steps:
              - connect: ws://fake/
              - expect_close: { within: 200ms }
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
    }

    @Test func anyCloseExpectationPassesAfterTheCloseEvent() async throws {
        let harness = try Harness(connector: ExpectCloseWithoutFrameTests.dropping(reportClose: true))
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: dropped
            steps:
              - connect: ws://fake/
              - expect_close
              - send: after
            """)
        #expect(result.status == .failed)
        #expect(result.failure?.step == "2", "\(String(describing: result.failure))")
    }

    @Test func aCodeOtherThan1006FailsNamingTheMissingCloseFrame() async throws {
        let harness = try Harness(connector: ExpectCloseWithoutFrameTests.dropping(reportClose: false))
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: dropped
            steps:
              - connect: ws://fake/
              - expect_close: { code: 1000, within: 200ms }
            """)
        #expect(result.status == .failed)
        #expect(
            result.failure?.message.contains(
                "expected close code 1000, but the connection ended without a close frame (1006)") == true,
            "\(String(describing: result.failure))")
    }

    @Test func aConnectionThatNeverOpenedIsNotAClose() async throws {
        let harness = try Harness(connector: ScriptedConnector(InterpreterConnectionTests.refusing))
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: refused
            steps:
              - connect: ws://refused/
              - expect_error: refused
              - expect_close: { within: 100ms }
            """)
        #expect(result.status == .failed)
        #expect(result.failure?.step == "2")
    }
}
