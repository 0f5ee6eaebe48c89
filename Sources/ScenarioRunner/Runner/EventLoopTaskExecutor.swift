import NIOCore

/// Runs a task's jobs on one NIO event loop.
///
/// A scenario's interpreter runs with this executor as its task executor preference, and its connections are
/// bootstrapped on the same loop (`EventLoopGroup.any()`): a step, the socket I/O it causes and the events that
/// wake the next step all run on one thread, without a thread switch per message. Nothing that runs on it may
/// block waiting for the loop.
final class EventLoopTaskExecutor: TaskExecutor {
    /// The loop every job runs on.
    let eventLoop: EventLoop

    init(_ eventLoop: EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        eventLoop.execute { job.runSynchronously(on: executor) }
    }
}
