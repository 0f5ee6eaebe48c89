import Foundation

/// The step currently running, for stamping connection events in the transcript.
final class StepTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var path: String?

    var current: String? {
        get { lock.withLock { path } }
        set { lock.withLock { path = newValue } }
    }
}
