import EngineTestSupport
import NIOCore
import Testing
import WebSocketCore
import WebSocketEngine

/// Runs a task's jobs on one event loop (what the scenario runner does for a scenario's steps).
private final class LoopExecutor: TaskExecutor {
    let eventLoop: EventLoop
    init(_ eventLoop: EventLoop) { self.eventLoop = eventLoop }
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        eventLoop.execute { job.runSynchronously(on: executor) }
    }
}

@Suite struct OnLoopSendTests {
    @Test func burstsSentFromTheConnectionsLoopArriveWholeAndInOrder() async throws {
        try await withServer { server in
            let (result, inbox) = await connect(server.url + "/echo")
            let connection = try #require(result.connection)
            let executor = LoopExecutor(connection.eventLoop)
            // 300 small messages (one flush at the end of the loop task), then 100 × 2 KiB (flushed every 64 KiB).
            let big = String(repeating: "x", count: 2048)
            let onLoop = try await withTaskExecutorPreference(executor) { () async throws(WebSocketError) -> Bool in
                let onLoop = connection.eventLoop.inEventLoop
                for index in 0..<300 { try await connection.send(text: "m\(index)") }
                for index in 0..<100 { try await connection.send(text: "\(index)" + big) }
                return onLoop
            }
            #expect(onLoop)
            for index in 0..<300 {
                let message = await inbox.nextMessage(timeout: 5)
                #expect(message?.text == "m\(index)")
            }
            for index in 0..<100 {
                let message = await inbox.nextMessage(timeout: 5)
                #expect(message?.text == "\(index)" + big)
            }
            let outcome = await connection.close()
            #expect(outcome.code == 1000 && outcome.initiator == .client && outcome.clean)
        }
    }

    @Test func anEmptyMessageSentFromTheLoopIsFlushedAtOnce() async throws {
        try await withServer { server in
            let (result, inbox) = await connect(server.url + "/echo")
            let connection = try #require(result.connection)
            let executor = LoopExecutor(connection.eventLoop)
            try await withTaskExecutorPreference(executor) { () async throws(WebSocketError) in
                try await connection.send(text: "")
            }
            // Nothing else is sent: an empty message that waits for the next flush never arrives.
            let message = await inbox.nextMessage(timeout: 5)
            #expect(message?.text == "")
            try await withTaskExecutorPreference(executor) { () async throws(WebSocketError) in
                try await connection.send(binary: [UInt8]())
            }
            let binary = await inbox.nextMessage(timeout: 5)
            #expect(binary?.kind == .binary && binary?.data.readableBytes == 0)
            _ = await connection.close()
        }
    }

    @Test func aSendFromTheLoopAfterTheCloseFailsAsClosed() async throws {
        try await withServer { server in
            let (result, _) = await connect(server.url + "/echo")
            let connection = try #require(result.connection)
            _ = await connection.close()
            let executor = LoopExecutor(connection.eventLoop)
            let error = await withTaskExecutorPreference(executor) { () async -> WebSocketError? in
                do {
                    try await connection.send(text: "too late")
                    return nil
                } catch let error as WebSocketError {
                    return error
                } catch {
                    return nil
                }
            }
            #expect(error?.kind == .closed)
        }
    }

    @Test func aCloseStartedFromTheLoopGoesOutAfterTheSendsBeforeIt() async throws {
        try await withServer { server in
            let (result, inbox) = await connect(server.url + "/echo")
            let connection = try #require(result.connection)
            let executor = LoopExecutor(connection.eventLoop)
            let outcome = try await withTaskExecutorPreference(executor) {
                () async throws(WebSocketError) -> EventLoopFuture<CloseOutcome> in
                for index in 0..<20 { try await connection.send(text: "last \(index)") }
                return connection.startClose(code: 1000, reason: "done")
            }.get()
            #expect(outcome.code == 1000 && outcome.initiator == .client && outcome.clean)
            let sent = inbox.events.compactMap { timed -> String? in
                guard case .frameOut(let record) = timed.event else { return nil }
                return record.opcode == .close ? "close" : String(buffer: record.payload)
            }
            #expect(sent == (0..<20).map { "last \($0)" } + ["close"])
        }
    }
}
