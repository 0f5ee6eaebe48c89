import Dispatch
import Foundation

/// Watches SIGINT and SIGTERM during `wscenario run`: the first one calls `onSignal` (stop starting scenarios,
/// interrupt the running ones, then write transcripts and reports); a second one exits at once — unless it comes
/// within `duplicateWindow` of the first: `timeout` and CI runners signal the process and its process group,
/// so one stop request arrives twice.
public final class InterruptionWatcher: @unchecked Sendable {
    /// Signals this soon after the first are taken as the same request.
    public static let duplicateWindowNanos: UInt64 = 2_000_000_000

    private let lock = NSLock()
    private var sources: [DispatchSourceSignal] = []
    private var signalNumber: Int32?
    private var firstSignalAt: UInt64 = 0

    public init() {}

    /// The first signal received, if any.
    public var received: Int32? { lock.withLock { signalNumber } }

    public func start(_ onSignal: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let now = DispatchTime.now().uptimeNanoseconds
                let action: Action = self.lock.withLock {
                    guard self.signalNumber != nil else {
                        self.signalNumber = number
                        self.firstSignalAt = now
                        return .stop
                    }
                    return now &- self.firstSignalAt < Self.duplicateWindowNanos ? .ignore : .exitNow
                }
                switch action {
                case .stop: onSignal()
                case .ignore: break
                case .exitNow: Foundation.exit(128 + number)
                }
            }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }

    private enum Action {
        case stop
        case ignore
        case exitNow
    }

    public func stop() {
        lock.withLock {
            for source in sources { source.cancel() }
            sources = []
        }
        // What remains (stopping the built-in server) can be interrupted the usual way again.
        for number in [SIGINT, SIGTERM] { signal(number, SIG_DFL) }
    }
}
