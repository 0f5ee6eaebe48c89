import Dispatch
import Foundation

/// Watches SIGINT and SIGTERM during `wscenario run`: the first one calls `onSignal` (stop starting scenarios,
/// interrupt the running ones); a second one exits at once.
public final class InterruptionWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [DispatchSourceSignal] = []
    private var signalNumber: Int32?

    public init() {}

    /// The first signal received, if any.
    public var received: Int32? { lock.withLock { signalNumber } }

    public func start(_ onSignal: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let first: Bool = self.lock.withLock {
                    if self.signalNumber != nil { return false }
                    self.signalNumber = number
                    return true
                }
                if first { onSignal() } else { Foundation.exit(128 + number) }
            }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }

    public func stop() {
        lock.withLock {
            for source in sources { source.cancel() }
            sources = []
        }
    }
}
