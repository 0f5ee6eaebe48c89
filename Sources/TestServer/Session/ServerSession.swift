import NIOCore
import NIOWebSocket
import PerMessageDeflate

/// The channel handler of an upgraded connection: reassembles messages, runs the close handshake,
/// and hands messages to the endpoint's behaviour.
final class ServerSession: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let behaviour: SessionBehaviour
    private var assembler: FrameAssembler
    private var context: ChannelHandlerContext?
    private var closeSent = false
    private var failed = false
    /// The permessage-deflate compressor when the connection negotiated compression.
    private let compressor: MessageCompressor?
    /// A fragmented data message is being sent (its frames are never compressed).
    private var sendingFragments = false

    /// How long the server waits for the client's close answer before dropping the connection.
    static let closeTimeout = TimeAmount.seconds(3)

    /// A session; with `deflate`, messages are compressed and inflated as negotiated (RFC 7692).
    init(behaviour: SessionBehaviour, maxMessageSize: Int, deflate: PerMessageDeflateParameters? = nil) {
        self.behaviour = behaviour
        let compressor = deflate.flatMap { try? MessageCompressor(parameters: $0, role: .server) }
        let decompressor = deflate.flatMap { try? MessageDecompressor(parameters: $0, sender: .client) }
        self.compressor = compressor
        self.assembler = FrameAssembler(maxMessageSize: maxMessageSize, decompressor: decompressor)
    }

    /// The connection, for behaviours that write from elsewhere (chat rooms).
    var channel: Channel? { context?.channel }

    /// True once this side sent its close frame.
    var isClosing: Bool { closeSent || failed }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { behaviour.start(self) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        behaviour.ended(self)
        self.context = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        switch assembler.receive(unwrapInboundIn(data)) {
        case .message(let message):
            if !closeSent { behaviour.received(message, session: self) }
        case .ping(let payload):
            if behaviour.answersPings && !closeSent {
                send(WebSocketFrame(fin: true, opcode: .pong, data: payload))
            }
        case .pong(let payload):
            behaviour.receivedPong(payload, session: self)
        case .close(let code, let reason):
            if closeSent {
                context.close(promise: nil)
            } else {
                closeSent = true
                let allocator = context.channel.allocator
                let answer =
                    code.map { Self.closeFrame(code: $0, reason: reason, allocator: allocator) }
                    ?? WebSocketFrame(fin: true, opcode: .connectionClose, data: ByteBuffer())
                context.writeAndFlush(wrapOutboundOut(answer)).assumeIsolated().whenComplete { _ in
                    context.close(promise: nil)
                }
            }
        case .fail(let code, let reason):
            fail(code: code, reason: reason)
        case .none:
            break
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is TextPayloadWatchHandler.InvalidTextPayload {
            fail(code: CloseCodes.invalidPayload, reason: "invalid UTF-8 in a text message")
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // Decoder errors were answered by NIO's WebSocketProtocolErrorHandler; anything else ends the connection.
        failed = true
        if !(error is NIOWebSocketError) { context.close(promise: nil) }
    }

    // MARK: - Sending (event loop only)

    /// Sends one text message.
    func send(text: String) {
        guard let context, !closeSent else { return }
        let buffer = context.channel.allocator.buffer(string: text)
        send(WebSocketFrame(fin: true, opcode: .text, data: buffer))
    }

    /// Sends one binary message.
    func send(binary: ByteBuffer) {
        guard !closeSent else { return }
        send(WebSocketFrame(fin: true, opcode: .binary, data: binary))
    }

    /// Sends one frame; a whole (unfragmented) data message is compressed when permessage-deflate was negotiated.
    func send(_ frame: WebSocketFrame) {
        guard let context else { return }
        var frame = frame
        let isData = frame.opcode == .text || frame.opcode == .binary
        if isData && !frame.fin { sendingFragments = true }
        if let compressor, isData, frame.fin, !sendingFragments, !frame.rsv1,
            let compressed = try? compressor.compress(message: frame.data, allocator: context.channel.allocator)
        {
            frame = WebSocketFrame(fin: true, rsv1: true, opcode: frame.opcode, data: compressed)
        }
        if frame.opcode == .continuation && frame.fin { sendingFragments = false }
        context.writeAndFlush(wrapOutboundOut(frame), promise: nil)
    }

    /// Writes bytes straight to the transport, below the frame encoder (for the misbehaviours).
    func writeRaw(_ bytes: [UInt8]) {
        guard let context,
            let encoder = try? context.pipeline.syncOperations.context(handlerType: WebSocketFrameEncoder.self)
        else { return }
        encoder.writeAndFlush(NIOAny(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
    }

    /// Starts the closing handshake; the connection drops if the client does not answer in time.
    func startClose(code: UInt16, reason: String) {
        guard let context, !closeSent else { return }
        closeSent = true
        send(Self.closeFrame(code: code, reason: reason, allocator: context.channel.allocator))
        schedule(after: Self.closeTimeout) { [weak self] in self?.context?.close(promise: nil) }
    }

    /// Fails the connection: a close frame with `code`, then the TCP connection ends.
    func fail(code: UInt16, reason: String) {
        guard let context else { return }
        failed = true
        let frame = Self.closeFrame(code: code, reason: reason, allocator: context.channel.allocator)
        let sentClose = closeSent
        closeSent = true
        if sentClose {
            context.close(promise: nil)
            return
        }
        context.writeAndFlush(wrapOutboundOut(frame)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    /// Drops the TCP connection without a close frame.
    func drop() {
        context?.close(promise: nil)
    }

    /// Runs `body` on the event loop after `delay`, unless the connection ended first.
    func schedule(after delay: TimeAmount, _ body: @escaping () -> Void) {
        guard let context else { return }
        _ = context.eventLoop.assumeIsolated().scheduleTask(in: delay) { [weak self] in
            guard self?.context != nil else { return }
            body()
        }
    }

    /// A close frame; the reason is cut (on a character boundary) to the 123 bytes a control frame leaves it.
    static func closeFrame(code: UInt16, reason: String, allocator: ByteBufferAllocator) -> WebSocketFrame {
        var reason = reason
        while reason.utf8.count > 123 { reason.removeLast() }
        var payload = allocator.buffer(capacity: 2 + reason.utf8.count)
        payload.writeInteger(code)
        payload.writeString(reason)
        return WebSocketFrame(fin: true, opcode: .connectionClose, data: payload)
    }
}
