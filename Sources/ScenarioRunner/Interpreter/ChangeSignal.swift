import Foundation

/// Wakes waiters when a connection's state changes. A waiter passes the generation it last saw, so a change
/// between its check and its wait is never missed; every wait ends at its deadline or on cancellation.
final class ChangeSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = 0
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0

    /// The current generation; pass it to `wait(since:timeoutNanos:)`.
    var current: Int { lock.withLock { generation } }

    /// Records a change and wakes every waiter.
    func signal() {
        let woken: [CheckedContinuation<Void, Never>] = lock.withLock {
            generation += 1
            let all = Array(waiters.values)
            waiters.removeAll()
            return all
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns when the generation differs from `seen`, after `timeoutNanos`, or when the task is cancelled.
    func wait(since seen: Int, timeoutNanos: UInt64) async {
        guard timeoutNanos > 0, !Task.isCancelled else { return }
        let id: Int = lock.withLock {
            nextWaiter += 1
            return nextWaiter
        }
        let timer = Task { [weak self] in
            try? await Task.sleep(nanoseconds: timeoutNanos)
            self?.resume(id)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow: Bool = lock.withLock {
                    if generation != seen || Task.isCancelled { return true }
                    waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            self.resume(id)
        }
        timer.cancel()
    }

    private func resume(_ id: Int) {
        let continuation = lock.withLock { waiters.removeValue(forKey: id) }
        continuation?.resume()
    }
}
