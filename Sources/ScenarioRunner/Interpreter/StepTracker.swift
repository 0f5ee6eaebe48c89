import Foundation

/// The step currently running, for stamping connection events in the transcript.
final class StepTracker: @unchecked Sendable {
    private let lock = NSLock()
    // `@exclusivity(unchecked)`: under `lock` only (read for every connection event).
    @exclusivity(unchecked) private var path: String?

    var current: String? {
        get { lock.withLock { path } }
        set { lock.withLock { path = newValue } }
    }
}
