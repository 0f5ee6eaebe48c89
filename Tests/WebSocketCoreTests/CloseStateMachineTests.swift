import Testing

@testable import WebSocketCore

@Suite struct CloseStateMachineTests {
    @Test func clientInitiatedCloseIsCleanWhenTheServerAnswers() {
        var machine = CloseStateMachine()
        #expect(
            machine.closeRequested(ClosePayload(code: 1000, reason: "bye"))
                == .sendClose(
                    ClosePayload(code: 1000, reason: "bye")))
        #expect(!machine.isOpen)
        #expect(machine.closeRequested(ClosePayload(code: 1001)) == .none)
        #expect(machine.closeReceived(ClosePayload(code: 1000, reason: "ok")) == .closeConnection)
        let outcome = machine.connectionClosed()
        #expect(outcome == CloseOutcome(code: 1000, reason: "ok", initiator: .client, clean: true, sentCode: 1000))
        #expect(machine.connectionClosed() == outcome)
    }

    @Test func clientInitiatedCloseTimesOut() {
        var machine = CloseStateMachine()
        _ = machine.closeRequested(ClosePayload(code: 1000))
        #expect(machine.closeTimerExpired() == .closeConnection)
        #expect(
            machine.connectionClosed() == CloseOutcome(code: 1006, initiator: .client, clean: false, sentCode: 1000))
    }

    @Test func serverInitiatedCloseIsEchoed() {
        var machine = CloseStateMachine()
        #expect(
            machine.closeReceived(ClosePayload(code: 4001, reason: "go away")) == .sendClose(ClosePayload(code: 4001)))
        #expect(machine.closeReceived(ClosePayload(code: 1000)) == .none)
        #expect(machine.closeTimerExpired() == .closeConnection)
        #expect(
            machine.connectionClosed()
                == CloseOutcome(
                    code: 4001, reason: "go away", initiator: .server, clean: true,
                    sentCode: 4001))
    }

    @Test func anEmptyServerCloseIsEchoedEmptyAndReportedAs1005() {
        var machine = CloseStateMachine()
        #expect(machine.closeReceived(ClosePayload(code: nil)) == .sendClose(ClosePayload(code: nil)))
        #expect(machine.connectionClosed().code == 1005)
    }

    @Test func droppedConnectionsAreAbnormal() {
        var dropped = CloseStateMachine()
        #expect(dropped.connectionClosed() == CloseOutcome(code: 1006, initiator: .server, clean: false))
        var disconnected = CloseStateMachine()
        #expect(disconnected.disconnectRequested() == .closeConnection)
        #expect(disconnected.connectionClosed() == CloseOutcome(code: 1006, initiator: .client, clean: false))
    }

    @Test func failingTheConnectionSendsTheViolationCode() {
        var machine = CloseStateMachine()
        #expect(
            machine.failConnection(code: 1007, reason: "bad text")
                == .sendClose(
                    ClosePayload(code: 1007, reason: "bad text")))
        #expect(machine.connectionClosed().sentCode == 1007)
    }

    /// A close frame written raw (`send_frame`) starts the handshake: no second close frame is asked for, and the
    /// server's answer completes it as for a normal close.
    @Test func aRawCloseStartsTheHandshake() {
        var machine = CloseStateMachine()
        let first = machine.rawCloseSent(ClosePayload(code: 4000))
        let second = machine.rawCloseSent(ClosePayload(code: 4001))
        #expect(first && !second, "only the first counts")
        #expect(machine.closeRequested(ClosePayload(code: 1000)) == .none, "no second close frame")
        #expect(machine.closeReceived(ClosePayload(code: 4000)) == .closeConnection)
        #expect(machine.connectionClosed() == CloseOutcome(code: 4000, initiator: .client, clean: true, sentCode: 4000))
    }
}
