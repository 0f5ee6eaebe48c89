import Dispatch
import Foundation

/// Catches SIGINT and SIGTERM from the moment it is created, for commands that run until interrupted.
///
///     let signals = TerminationSignals()      // before announcing readiness: no signal is lost
///     print("listening on ...")
///     let number = await signals.wait()
public final class TerminationSignals: Sendable {
    private struct State {
        var received: Int32?
        var waiter: CheckedContinuation<Int32, Never>?
        var sources: [DispatchSourceSignal] = []
    }

    private let state = Locked(State())

    /// Starts catching SIGINT and SIGTERM (they no longer end the process by default).
    public init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [state] in
                let waiter = state.withLock { state -> CheckedContinuation<Int32, Never>? in
                    if state.received == nil { state.received = number }
                    defer { state.waiter = nil }
                    return state.waiter
                }
                waiter?.resume(returning: number)
            }
            source.resume()
            state.withLock { $0.sources.append(source) }
        }
    }

    /// Suspends until SIGINT or SIGTERM arrives (returns at once if one already did); returns its number.
    public func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let received = state.withLock { state -> Int32? in
                if state.received == nil { state.waiter = continuation }
                return state.received
            }
            if let received { continuation.resume(returning: received) }
        }
    }

    deinit {
        state.withLock { $0.sources.forEach { $0.cancel() } }
    }
}
