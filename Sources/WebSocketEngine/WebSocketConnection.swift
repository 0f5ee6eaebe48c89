import NIOCore
import PerMessageDeflate
import WebSocketCore

/// An open WebSocket connection (after a valid 101). Every method may be called from any task; operations run in
/// call order on the connection's event loop. Sending methods return once the bytes were handed to the socket, and
/// throw `WebSocketError` of kind `closed` when the connection can no longer send.
public final class WebSocketConnection: Sendable {
    private let channel: Channel
    private let handler: NIOLoopBound<WebSocketChannelHandler>
    private let defaultCloseTimeout: TimeAmount

    /// The event loop the connection runs on; sends from a task running on it take the fast path of
    /// `send(opcode:payload:fragments:)`.
    public var eventLoop: EventLoop { channel.eventLoop }

    /// The handshake request that opened this connection.
    public let request: HandshakeRequest
    /// The server's 101 answer.
    public let response: HTTPResponseHead
    /// The negotiated subprotocol, if any.
    public let subprotocol: String?
    /// The accepted extensions (as the server wrote them).
    public let extensions: [String]
    /// The negotiated permessage-deflate parameters, if the server accepted compression.
    public let deflate: PerMessageDeflateParameters?

    init(
        channel: Channel, handler: NIOLoopBound<WebSocketChannelHandler>, request: HandshakeRequest,
        response: HTTPResponseHead,
        subprotocol: String?, extensions: [String], deflate: PerMessageDeflateParameters? = nil,
        closeTimeout: TimeAmount
    ) {
        self.deflate = deflate
        self.channel = channel
        self.handler = handler
        self.request = request
        self.response = response
        self.subprotocol = subprotocol
        self.extensions = extensions
        self.defaultCloseTimeout = closeTimeout
    }

    /// Sends a text message, split into `fragments` frames (text + continuations) when more than 1.
    public func send(text: String, fragments: Int = 1) async throws(WebSocketError) {
        try await send(opcode: .text, payload: ByteBuffer(string: text), fragments: fragments)
    }

    /// Sends a binary message, split into `fragments` frames when more than 1.
    public func send<Bytes: Sequence & Sendable>(binary: Bytes, fragments: Int = 1) async throws(WebSocketError)
    where Bytes.Element == UInt8 {
        try await send(opcode: .binary, payload: ByteBuffer(bytes: binary), fragments: fragments)
    }

    /// Sends a data message with the given opcode (`.text` or `.binary`), split into `fragments` frames.
    ///
    /// Called on the connection's own event loop, the frames are written at once and flushed when the current
    /// event-loop task ends (or after 64 KiB), so that a burst of sends costs one system call and no thread switch;
    /// a later write failure shows as the connection's events. From any other thread it returns once the bytes
    /// were handed to the socket.
    public func send(opcode: WebSocketOpcode, payload: ByteBuffer, fragments: Int = 1) async throws(WebSocketError) {
        if try sendIfOnLoop(opcode: opcode, payload: payload, fragments: fragments) { return }
        try await run { handler, promise in
            handler.sendMessage(opcode: opcode, payload: payload, fragments: fragments, promise: promise)
        }
    }

    /// Sends a data message at once when called on the connection's event loop (see
    /// `send(opcode:payload:fragments:)`); returns false, sending nothing, on any other thread.
    public func sendIfOnLoop(opcode: WebSocketOpcode, payload: ByteBuffer, fragments: Int = 1) throws(WebSocketError)
        -> Bool
    {
        guard channel.eventLoop.inEventLoop else { return false }
        try handler.value.sendMessageOnLoop(opcode: opcode, payload: payload, fragments: fragments)
        return true
    }

    /// Whether the channel takes more data without piling it up (NIO's write buffer is under its high watermark).
    public var isWritable: Bool { channel.isWritable }

    /// Waits until the channel is writable again — the peer read what was sent — for at most `timeout`; false when
    /// it did not become writable in time (a peer that does not read).
    public func waitUntilWritable(timeout: TimeAmount) async -> Bool {
        let promise = channel.eventLoop.makePromise(of: Bool.self)
        let handler = self.handler
        channel.eventLoop.execute { handler.value.whenWritable(promise, timeout: timeout) }
        return (try? await promise.futureResult.get()) ?? true
    }

    /// Queues a data message without waiting for it to be written (for pipelined load); a failure shows only as the
    /// connection's events.
    public func enqueue(opcode: WebSocketOpcode, payload: ByteBuffer, fragments: Int = 1) {
        let handler = self.handler
        channel.eventLoop.execute {
            handler.value.sendMessage(opcode: opcode, payload: payload, fragments: fragments, promise: nil)
        }
    }

    /// Sends a ping with `payload`.
    public func ping<Bytes: Sequence & Sendable>(_ payload: Bytes = [UInt8]()) async throws(WebSocketError)
    where Bytes.Element == UInt8 {
        let buffer = ByteBuffer(bytes: payload)
        try await run { handler, promise in handler.sendControl(opcode: .ping, payload: buffer, promise: promise) }
    }

    /// Sends an (unsolicited) pong with `payload`.
    public func pong<Bytes: Sequence & Sendable>(_ payload: Bytes = [UInt8]()) async throws(WebSocketError)
    where Bytes.Element == UInt8 {
        let buffer = ByteBuffer(bytes: payload)
        try await run { handler, promise in handler.sendControl(opcode: .pong, payload: buffer, promise: promise) }
    }

    /// Sends a raw frame exactly as described (any opcode, FIN, RSV, masked or not, a lying length).
    public func sendFrame(_ raw: RawFrame) async throws(WebSocketError) {
        try await run { handler, promise in handler.sendRaw(raw, promise: promise) }
    }

    /// Writes arbitrary bytes to the connection.
    public func sendBytes<Bytes: Sequence & Sendable>(_ bytes: Bytes) async throws(WebSocketError)
    where Bytes.Element == UInt8 {
        let buffer = ByteBuffer(bytes: bytes)
        try await run { handler, promise in handler.sendBytes(buffer, promise: promise) }
    }

    /// Starts the closing handshake (code `nil` sends an empty close payload), waits up to `timeout` (default: the
    /// configuration's `closeTimeout`) for the server's close, closes TCP, and returns how it ended. If the
    /// connection is already closing or closed, waits for / returns that outcome.
    public func close(code: UInt16? = 1000, reason: String = "", timeout: TimeAmount? = nil) async -> CloseOutcome {
        try! await startClose(code: code, reason: reason, timeout: timeout).get()
    }

    /// Starts the closing handshake like `close(code:reason:timeout:)` and returns its outcome as a future. Called on
    /// the connection's event loop, the close frame is written before this returns (after every earlier send).
    public func startClose(code: UInt16? = 1000, reason: String = "", timeout: TimeAmount? = nil)
        -> EventLoopFuture<CloseOutcome>
    {
        let timeout = timeout ?? defaultCloseTimeout
        let promise = channel.eventLoop.makePromise(of: CloseOutcome.self)
        if channel.eventLoop.inEventLoop {
            handler.value.close(code: code, reason: reason, timeout: timeout, promise: promise)
            return promise.futureResult
        }
        let handler = self.handler
        channel.eventLoop.execute {
            handler.value.close(code: code, reason: reason, timeout: timeout, promise: promise)
        }
        return promise.futureResult
    }

    /// Waits until the connection is over (however it ends) and returns how it ended.
    public func closed() async -> CloseOutcome {
        let promise = channel.eventLoop.makePromise(of: CloseOutcome.self)
        let handler = self.handler
        channel.eventLoop.execute { handler.value.waitForClose(promise: promise) }
        return try! await promise.futureResult.get()
    }

    /// Drops TCP without a close frame (the outcome is 1006, by the client).
    public func disconnect() {
        if channel.eventLoop.inEventLoop {
            handler.value.disconnect()
            return
        }
        let handler = self.handler
        channel.eventLoop.execute { handler.value.disconnect() }
    }

    private func run(_ body: @escaping @Sendable (WebSocketChannelHandler, EventLoopPromise<Void>) -> Void)
        async throws(WebSocketError)
    {
        let promise = channel.eventLoop.makePromise(of: Void.self)
        let handler = self.handler
        channel.eventLoop.execute { body(handler.value, promise) }
        do {
            try await promise.futureResult.get()
        } catch let error as WebSocketError {
            throw error
        } catch {
            throw WebSocketError(kind: .closed, message: "write failed: \(error)")
        }
    }
}
