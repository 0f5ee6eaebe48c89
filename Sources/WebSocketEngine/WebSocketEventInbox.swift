import NIOConcurrencyHelpers
import NIOCore
import WebSocketCore

/// A simple thread-safe consumer of a connection's events: records them all and lets a task wait for the next data
/// message, with a deadline. Pass `inbox.receive` as the `eventHandler` of `WebSocketClient.connect`.
/// Used by `wscenario probe`, the Autobahn driver and tests; the scenario interpreter has its own inbox.
public final class WebSocketEventInbox: Sendable {
    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<WebSocketMessage?, Never>
    }

    private struct State {
        var events: [TimedWebSocketEvent] = []
        var messages: [WebSocketMessage] = []
        var messageIndex = 0
        var waiter: Waiter?
        var nextWaiterID = 0
        var expiredWaiterID = -1
        var closed: CloseOutcome?
        var keepsEvents: Bool
    }

    private let state: NIOLockedValueBox<State>

    /// `keepEvents: false` keeps only messages and the outcome (for long runs).
    public init(keepEvents: Bool = true) {
        state = NIOLockedValueBox(State(keepsEvents: keepEvents))
    }

    /// The event handler: records `event`, wakes a waiting `nextMessage`.
    public func receive(_ event: TimedWebSocketEvent) {
        let resume: (CheckedContinuation<WebSocketMessage?, Never>, WebSocketMessage?)? = state.withLockedValue {
            state in
            if state.keepsEvents { state.events.append(event) }
            switch event.event {
            case .messageIn(let message):
                if let waiter = state.waiter {
                    state.waiter = nil
                    return (waiter.continuation, message)
                }
                state.messages.append(message)
            case .closed(let outcome):
                state.closed = outcome
                if let waiter = state.waiter {
                    state.waiter = nil
                    return (waiter.continuation, nil)
                }
            default:
                break
            }
            return nil
        }
        if let (continuation, message) = resume { continuation.resume(returning: message) }
    }

    /// Every event so far, in order.
    public var events: [TimedWebSocketEvent] { state.withLockedValue { $0.events } }

    /// The first error event, if any.
    public var firstError: WebSocketError? {
        state.withLockedValue { state in
            for timed in state.events { if case .error(let error) = timed.event { return error } }
            return nil
        }
    }

    /// The close outcome once the connection ended.
    public var closeOutcome: CloseOutcome? { state.withLockedValue { $0.closed } }

    /// The next unconsumed data message, waiting up to `timeout` seconds; `nil` on timeout or when the connection
    /// ended. One waiter at a time.
    public func nextMessage(timeout: Double) async -> WebSocketMessage? {
        let id = state.withLockedValue { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        let timer = Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(max(0, timeout) * 1_000_000_000))
            self?.expire(id)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let immediate: WebSocketMessage?? = state.withLockedValue { state in
                if state.messageIndex < state.messages.count {
                    let message = state.messages[state.messageIndex]
                    state.messageIndex += 1
                    if state.messageIndex > 1024 {
                        state.messages.removeFirst(state.messageIndex)
                        state.messageIndex = 0
                    }
                    return .some(message)
                }
                if state.closed != nil || state.expiredWaiterID == id { return .some(nil) }
                state.waiter = Waiter(id: id, continuation: continuation)
                return .none
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
    }

    private func expire(_ id: Int) {
        let continuation = state.withLockedValue { state -> CheckedContinuation<WebSocketMessage?, Never>? in
            guard let waiter = state.waiter, waiter.id == id else {
                state.expiredWaiterID = id
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        continuation?.resume(returning: nil)
    }
}
