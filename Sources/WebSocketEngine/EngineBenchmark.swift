import NIOConcurrencyHelpers
import NIOCore
import WebSocketCore

/// Measures the engine against an echo server: sequential round trips and pipelined throughput.
public struct EngineBenchmark: Sendable {
    /// One measurement.
    public struct Measurement: Sendable, CustomStringConvertible {
        public var mode: String
        public var messages: Int
        public var seconds: Double
        public var messagesPerSecond: Double { seconds > 0 ? Double(messages) / seconds : 0 }

        public var description: String {
            let rate = Int(messagesPerSecond.rounded())
            return "\(mode): \(messages) messages in \(String(format6: seconds)) s = \(rate) msg/s"
        }
    }

    private final class Counter: Sendable {
        private struct State {
            var received = 0
            var target = 0
            var waiter: CheckedContinuation<Bool, Never>?
            var ended = false
        }

        private let state = NIOLockedValueBox(State())

        func receive(_ event: TimedWebSocketEvent) {
            let waiter: CheckedContinuation<Bool, Never>? = state.withLockedValue { state in
                switch event.event {
                case .messageIn:
                    state.received += 1
                    guard state.received >= state.target, let waiter = state.waiter else { return nil }
                    state.waiter = nil
                    return waiter
                case .closed:
                    state.ended = true
                    let waiter = state.waiter
                    state.waiter = nil
                    return waiter
                default:
                    return nil
                }
            }
            waiter?.resume(returning: !state.withLockedValue { $0.ended })
        }

        /// Waits until `target` messages were received in total; `false` if the connection ended first.
        func wait(until target: Int) async -> Bool {
            await withCheckedContinuation { continuation in
                let ready: Bool? = state.withLockedValue { state in
                    if state.received >= target { return true }
                    if state.ended { return false }
                    state.target = target
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }

    /// The echo server's URL.
    public var url: String
    /// Bytes per message (text, ASCII).
    public var size: Int

    public init(url: String, size: Int = 32) {
        self.url = url
        self.size = size
    }

    /// Sends `count` messages one at a time, each after the previous echo arrived.
    public func sequential(count: Int) async throws -> Measurement {
        try await run(mode: "sequential", count: count) { connection, counter, payload, clock in
            let start = clock()
            for index in 1...count {
                connection.enqueue(opcode: .text, payload: payload)
                guard await counter.wait(until: index) else { throw WebSocketError(kind: .closed, message: "closed") }
            }
            return clock() - start
        }
    }

    /// Queues all `count` messages at once and waits for every echo.
    public func pipelined(count: Int) async throws -> Measurement {
        try await run(mode: "pipelined", count: count) { connection, counter, payload, clock in
            let start = clock()
            for _ in 1...count { connection.enqueue(opcode: .text, payload: payload) }
            guard await counter.wait(until: count) else { throw WebSocketError(kind: .closed, message: "closed") }
            return clock() - start
        }
    }

    private func run(
        mode: String, count: Int,
        _ body: (WebSocketConnection, Counter, ByteBuffer, @Sendable () -> UInt64) async throws -> UInt64
    )
        async throws -> Measurement
    {
        let counter = Counter()
        let configuration = WebSocketClientConfiguration(url: url)
        let result = await WebSocketClient().connect(configuration) { counter.receive($0) }
        guard let connection = result.connection else {
            throw result.error ?? WebSocketError(kind: .handshake, message: "no connection")
        }
        let payload = ByteBuffer(repeating: UInt8(ascii: "x"), count: size)
        let nanoseconds = try await body(connection, counter, payload, configuration.clock)
        _ = await connection.close()
        return Measurement(mode: mode, messages: count, seconds: Double(nanoseconds) / 1e9)
    }
}

extension String {
    init(format6 value: Double) {
        let scaled = (value * 1000).rounded() / 1000
        self = "\(scaled)"
    }
}
