import NIOCore

/// Reassembles data messages from frames, as a pure state machine. Every frame is still seen individually by the
/// caller; this only says what each frame means: a control frame, a fragment, or the end of a message.
///
/// It enforces the message-level rules: continuation without start, a new data frame inside a fragmented message,
/// UTF-8 of text (incrementally, failing fast across fragments), close payloads, and the message size limit.
public struct MessageAssembler: Sendable {
    /// What a frame meant.
    public enum Output: Sendable, Equatable {
        /// A ping or pong (payload in the frame).
        case ping(ByteBuffer)
        case pong(ByteBuffer)
        /// A valid close frame.
        case close(ClosePayload)
        /// A fragment of a message that is not complete yet.
        case fragment
        /// A complete message.
        case message(WebSocketMessage)
    }

    private struct Partial: Sendable {
        var kind: WebSocketMessage.Kind
        var data: ByteBuffer
        var frameCount: Int
    }

    /// The largest message accepted (sum of its fragments); default 16 MiB.
    public var maxMessageSize: Int
    private var partial: Partial?
    private var validator = UTF8Validator()
    private var partialValidator: UTF8Validator?
    private var partialValidatedBytes = 0

    public init(maxMessageSize: Int = 16 << 20) {
        self.maxMessageSize = maxMessageSize
    }

    /// Whether a fragmented message is in progress.
    public var isAssembling: Bool { partial != nil }

    /// Interprets one frame that already passed the `FrameParser`'s header checks.
    public mutating func receive(_ frame: WebSocketFrame) throws(ProtocolViolation) -> Output {
        partialValidator = nil
        partialValidatedBytes = 0
        switch frame.opcode {
        case .ping: return .ping(frame.payload)
        case .pong: return .pong(frame.payload)
        case .close: return .close(try ClosePayload.parse(frame.payload))
        case .text, .binary: return try start(frame)
        case .continuation: return try resume(frame)
        default: throw .reservedOpcode(frame.opcode.rawValue)
        }
    }

    /// Checks the first bytes of a data frame that has not fully arrived (see `FrameParser.partialFrame()`): throws as
    /// soon as a text message can no longer be valid UTF-8. Call again as more bytes arrive; only new bytes are
    /// examined. The complete frame must still be passed to `receive`.
    public mutating func checkPartial(opcode: WebSocketOpcode, payloadPrefix: ByteBuffer) throws(ProtocolViolation) {
        let isText = opcode == .text || (opcode == .continuation && partial?.kind == .text)
        guard isText, !(opcode == .text && partial != nil), payloadPrefix.readableBytes > partialValidatedBytes
        else { return }
        var checker = partialValidator ?? (opcode == .text ? UTF8Validator() : validator)
        let fresh = payloadPrefix.getSlice(
            at: payloadPrefix.readerIndex + partialValidatedBytes,
            length: payloadPrefix.readableBytes - partialValidatedBytes)!
        guard checker.feed(fresh) else { throw .invalidUTF8Text() }
        partialValidator = checker
        partialValidatedBytes = payloadPrefix.readableBytes
    }

    private mutating func start(_ frame: WebSocketFrame) throws(ProtocolViolation) -> Output {
        guard partial == nil else { throw .dataFrameInsideFragmentedMessage(frame.opcode.rawValue) }
        let kind: WebSocketMessage.Kind = frame.opcode == .text ? .text : .binary
        let size = frame.payload.readableBytes
        guard size <= maxMessageSize else { throw .messageTooLarge(size, limit: maxMessageSize) }
        if kind == .text {
            validator = UTF8Validator()
            guard validator.feed(frame.payload) else { throw .invalidUTF8Text() }
            if frame.fin && !validator.isComplete { throw .invalidUTF8Text() }
        }
        if frame.fin { return .message(WebSocketMessage(kind: kind, data: frame.payload, frameCount: 1)) }
        partial = Partial(kind: kind, data: frame.payload, frameCount: 1)
        return .fragment
    }

    private mutating func resume(_ frame: WebSocketFrame) throws(ProtocolViolation) -> Output {
        guard var current = partial else { throw .continuationWithoutStart() }
        partial = nil
        let size = current.data.readableBytes + frame.payload.readableBytes
        guard size <= maxMessageSize else { throw .messageTooLarge(size, limit: maxMessageSize) }
        if current.kind == .text {
            guard validator.feed(frame.payload) else { throw .invalidUTF8Text() }
            if frame.fin && !validator.isComplete { throw .invalidUTF8Text() }
        }
        current.data.writeImmutableBuffer(frame.payload)
        current.frameCount += 1
        if frame.fin {
            return .message(WebSocketMessage(kind: current.kind, data: current.data, frameCount: current.frameCount))
        }
        partial = current
        return .fragment
    }
}
