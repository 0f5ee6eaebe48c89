import Foundation

/// Counts the check-time warnings `run --quiet` does not print, to say how many there were.
final class QuietWarningCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func add() { lock.withLock { value += 1 } }

    var count: Int { lock.withLock { value } }
}
