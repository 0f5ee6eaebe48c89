/// The closing handshake of a client connection (RFC 6455 §5.5.1, §7), as a pure state machine returning actions.
///
/// - Client-initiated (`closeRequested`, `failConnection`): send a close frame, wait for the server's close
///   (the caller runs a timer and reports `closeTimerExpired`), then close TCP.
/// - Server-initiated (`closeReceived` while open): echo the code, then wait for the server to close TCP (or the
///   timer), then close TCP.
/// - TCP ended without a close handshake: code 1006, not clean.
public struct CloseStateMachine: Sendable {
    /// What the caller must do.
    public enum Action: Sendable, Equatable {
        /// Nothing.
        case none
        /// Write this close frame and start the close timer.
        case sendClose(ClosePayload)
        /// Close the TCP connection now.
        case closeConnection
    }

    private enum State: Sendable, Equatable {
        case open
        case closeSent(sent: ClosePayload)
        case closeExchanged(received: ClosePayload, sent: ClosePayload, initiator: CloseInitiator)
        case dropping(initiator: CloseInitiator, sent: ClosePayload?)
        case finished(CloseOutcome)
    }

    private var state = State.open

    public init() {}

    /// Whether no close frame was sent or received yet: data may still be sent.
    public var isOpen: Bool { state == .open }

    /// Whether a close frame was received from the server.
    public var closeReceived: Bool {
        if case .closeExchanged = state { return true }
        return false
    }

    /// The outcome once the connection is over.
    public var outcome: CloseOutcome? {
        if case .finished(let outcome) = state { return outcome }
        return nil
    }

    /// The client starts the closing handshake.
    public mutating func closeRequested(_ payload: ClosePayload) -> Action {
        guard case .open = state else { return .none }
        state = .closeSent(sent: payload)
        return .sendClose(payload)
    }

    /// The client already wrote a close frame itself (a raw frame, `send_frame`): the closing handshake has
    /// started, so no second close frame goes out; the caller starts the close timer when this returns true.
    public mutating func rawCloseSent(_ payload: ClosePayload) -> Bool {
        guard case .open = state else { return false }
        state = .closeSent(sent: payload)
        return true
    }

    /// The server broke the protocol: fail the connection (§7.1.7) with `code`.
    public mutating func failConnection(code: UInt16, reason: String) -> Action {
        closeRequested(ClosePayload(code: code, reason: reason))
    }

    /// A valid close frame arrived from the server.
    public mutating func closeReceived(_ payload: ClosePayload) -> Action {
        switch state {
        case .open:
            let echo = ClosePayload(code: payload.code)
            state = .closeExchanged(received: payload, sent: echo, initiator: .server)
            return .sendClose(echo)
        case .closeSent(let sent):
            state = .closeExchanged(received: payload, sent: sent, initiator: .client)
            return .closeConnection
        default:
            return .none
        }
    }

    /// The close timer started by `.sendClose` expired.
    public mutating func closeTimerExpired() -> Action {
        switch state {
        case .closeSent, .closeExchanged: return .closeConnection
        default: return .none
        }
    }

    /// The client drops TCP without a close frame.
    public mutating func disconnectRequested() -> Action {
        switch state {
        case .open:
            state = .dropping(initiator: .client, sent: nil)
            return .closeConnection
        case .closeSent(let sent):
            state = .dropping(initiator: .client, sent: sent)
            return .closeConnection
        case .closeExchanged:
            return .closeConnection
        default:
            return .none
        }
    }

    /// TCP ended (either side); returns the final outcome (the same one again if called twice).
    public mutating func connectionClosed() -> CloseOutcome {
        let outcome: CloseOutcome
        switch state {
        case .open:
            outcome = CloseOutcome(code: 1006, initiator: .server, clean: false)
        case .closeSent(let sent):
            outcome = CloseOutcome(code: 1006, initiator: .client, clean: false, sentCode: sent.code)
        case .closeExchanged(let received, let sent, let initiator):
            outcome = CloseOutcome(
                code: received.code ?? 1005, reason: received.reason, initiator: initiator,
                clean: true, sentCode: sent.code)
        case .dropping(let initiator, let sent):
            outcome = CloseOutcome(code: 1006, initiator: initiator, clean: false, sentCode: sent?.code)
        case .finished(let previous):
            return previous
        }
        state = .finished(outcome)
        return outcome
    }
}
