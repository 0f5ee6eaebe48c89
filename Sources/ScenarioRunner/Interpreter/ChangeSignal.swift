import Dispatch
import Foundation

/// Wakes waiters when a connection's state changes. A waiter passes the generation it last saw, so a change
/// between its check and its wait is never missed; every wait ends at its deadline or on cancellation.
///
/// A wait whose change already happened returns at once without allocating anything. Deadlines share one
/// dispatch timer per signal, armed for the earliest deadline and re-armed when it fires.
final class ChangeSignal: @unchecked Sendable {
    private struct Waiter {
        /// Unchecked: a waiter is resumed only by whoever removes it from `waiters` (under `lock`), so exactly once.
        let continuation: UnsafeContinuation<Void, Never>
        let deadline: UInt64
    }

    private static let timerQueue = DispatchQueue(label: "wscenario.change-signal-timer")
    private let lock = NSLock()
    // `@exclusivity(unchecked)`: under `lock` only (touched for every message).
    @exclusivity(unchecked) private var generation = 0
    @exclusivity(unchecked) private var waiters: [Int: Waiter] = [:]
    @exclusivity(unchecked) private var nextWaiter = 0
    private var timer: DispatchSourceTimer?
    /// The uptime (nanoseconds) the timer is armed for, if armed.
    private var armedDeadline: UInt64?

    deinit { timer?.cancel() }

    /// The current generation; pass it to `wait(since:timeoutNanos:)`.
    var current: Int { lock.withLock { generation } }

    /// Records a change and wakes every waiter.
    func signal() {
        lock.lock()
        generation += 1
        switch waiters.count {
        case 0:
            lock.unlock()
        case 1:
            // The usual case (one step waiting): no array for the waiters woken.
            let waiter = waiters.first!.value
            waiters.removeAll(keepingCapacity: true)
            lock.unlock()
            waiter.continuation.resume()
        default:
            let woken = Array(waiters.values)
            waiters.removeAll(keepingCapacity: true)
            lock.unlock()
            for waiter in woken { waiter.continuation.resume() }
        }
    }

    /// Returns when the generation differs from `seen`, after `timeoutNanos`, or when the task is cancelled.
    func wait(since seen: Int, timeoutNanos: UInt64) async {
        guard timeoutNanos > 0, !Task.isCancelled else { return }
        let id: Int? = lock.withLock {
            guard generation == seen else { return nil }
            nextWaiter += 1
            return nextWaiter
        }
        guard let id else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let deadline = timeoutNanos > UInt64.max - now ? UInt64.max : now + timeoutNanos
        await withTaskCancellationHandler {
            await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
                let resumeNow: Bool = lock.withLock {
                    if generation != seen || Task.isCancelled { return true }
                    waiters[id] = Waiter(continuation: continuation, deadline: deadline)
                    armTimer(for: deadline)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            self.resume(id)
        }
    }

    /// Arms the shared timer for `deadline` unless it is already armed for an earlier one (lock held).
    private func armTimer(for deadline: UInt64) {
        if let armed = armedDeadline, armed <= deadline { return }
        let source: DispatchSourceTimer
        if let timer {
            source = timer
        } else {
            source = DispatchSource.makeTimerSource(queue: ChangeSignal.timerQueue)
            source.setEventHandler { [weak self] in self?.timerFired() }
            timer = source
            source.resume()
        }
        armedDeadline = deadline
        source.schedule(deadline: DispatchTime(uptimeNanoseconds: deadline), leeway: .milliseconds(1))
    }

    /// Resumes every waiter whose deadline passed and re-arms the timer for the next one.
    private func timerFired() {
        let expired: [Waiter] = lock.withLock {
            armedDeadline = nil
            let now = DispatchTime.now().uptimeNanoseconds
            var expired: [Waiter] = []
            var next: UInt64?
            for (id, waiter) in waiters {
                if waiter.deadline <= now {
                    expired.append(waiter)
                    waiters.removeValue(forKey: id)
                } else {
                    next = min(next ?? waiter.deadline, waiter.deadline)
                }
            }
            if let next { armTimer(for: next) }
            return expired
        }
        for waiter in expired { waiter.continuation.resume() }
    }

    private func resume(_ id: Int) {
        let waiter = lock.withLock { waiters.removeValue(forKey: id) }
        waiter?.continuation.resume()
    }
}
