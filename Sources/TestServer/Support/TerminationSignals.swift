import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM, for commands that run until interrupted.
public enum TerminationSignals {
    /// Suspends until the process receives SIGINT or SIGTERM; returns the signal number.
    public static func wait() async -> Int32 {
        let resumed = Locked(false)
        let sources = Locked<[DispatchSourceSignal]>([])
        return await withCheckedContinuation { continuation in
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    let first = resumed.withLock { done in
                        defer { done = true }
                        return !done
                    }
                    guard first else { return }
                    sources.withLock { $0.forEach { $0.cancel() } }
                    continuation.resume(returning: number)
                }
                source.resume()
                sources.withLock { $0.append(source) }
            }
        }
    }
}
