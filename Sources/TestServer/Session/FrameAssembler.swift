import NIOCore
import NIOWebSocket
import PerMessageDeflate

/// Turns client frames into messages and control events, enforcing RFC 6455 (a pure state machine).
struct FrameAssembler {
    /// What the session should do after a frame.
    enum Action {
        case message(InboundMessage)
        case ping(ByteBuffer)
        case pong(ByteBuffer)
        /// A valid close frame: `code` is nil for an empty close payload.
        case close(code: UInt16?, reason: String)
        /// Fail the connection with this close code.
        case fail(code: UInt16, reason: String)
        case none
    }

    private var partialKind: InboundMessage.Kind?
    private var partial: ByteBuffer?
    private var validator = StreamingUTF8Validator()
    private let maxMessageSize: Int
    /// The permessage-deflate decompressor when the connection negotiated compression (RSV1 allowed then).
    private let decompressor: MessageDecompressor?
    /// The message being received is compressed (RSV1 on its first frame).
    private var compressedMessage = false

    init(maxMessageSize: Int, decompressor: MessageDecompressor? = nil) {
        self.maxMessageSize = maxMessageSize
        self.decompressor = decompressor
    }

    mutating func receive(_ frame: WebSocketFrame) -> Action {
        if frame.rsv2 || frame.rsv3 || (frame.rsv1 && decompressor == nil) {
            return .fail(code: CloseCodes.protocolError, reason: "reserved bits set without an extension")
        }
        if frame.rsv1 && frame.opcode != .text && frame.opcode != .binary {
            let what = frame.opcode == .continuation ? "a continuation frame" : "a control frame"
            return .fail(code: CloseCodes.protocolError, reason: "RSV1 set on \(what)")
        }
        guard frame.maskKey != nil else {
            return .fail(code: CloseCodes.protocolError, reason: "client frames must be masked")
        }
        switch frame.opcode {
        case .text: return begin(.text, frame)
        case .binary: return begin(.binary, frame)
        case .continuation: return proceed(frame)
        case .ping: return .ping(FrameUnmasking.unmaskedData(of: frame))
        case .pong: return .pong(FrameUnmasking.unmaskedData(of: frame))
        case .connectionClose: return Self.close(FrameUnmasking.unmaskedData(of: frame))
        default:
            return .fail(code: CloseCodes.protocolError, reason: "reserved opcode")
        }
    }

    private mutating func begin(_ kind: InboundMessage.Kind, _ frame: WebSocketFrame) -> Action {
        guard partialKind == nil else {
            return .fail(code: CloseCodes.protocolError, reason: "new message inside a fragmented one")
        }
        partialKind = kind
        partial = nil
        compressedMessage = frame.rsv1
        validator = StreamingUTF8Validator()
        return append(frame)
    }

    private mutating func proceed(_ frame: WebSocketFrame) -> Action {
        guard partialKind != nil else {
            return .fail(code: CloseCodes.protocolError, reason: "continuation frame without a message")
        }
        return append(frame)
    }

    private mutating func append(_ frame: WebSocketFrame) -> Action {
        guard let kind = partialKind else { return .none }
        var data = FrameUnmasking.unmaskedData(of: frame)
        if compressedMessage, let decompressor {
            do {
                data = try decompressor.decompress(
                    frame: data, final: frame.fin, limit: maxMessageSize - (partial?.readableBytes ?? 0))
            } catch {
                return .fail(code: error.closeCode, reason: error.message)
            }
        }
        if (partial?.readableBytes ?? 0) + data.readableBytes > maxMessageSize {
            return .fail(code: CloseCodes.messageTooBig, reason: "message too big")
        }
        if kind == .text {
            let valid = data.withUnsafeReadableBytes { validator.consume($0) }
            if !valid || (frame.fin && !validator.isComplete) {
                return .fail(code: CloseCodes.invalidPayload, reason: "invalid UTF-8 in a text message")
            }
        }
        if partial == nil {
            partial = data
        } else {
            var data = data
            partial!.writeBuffer(&data)
        }
        guard frame.fin else { return .none }
        let message = InboundMessage(kind: kind, payload: partial ?? ByteBuffer())
        partialKind = nil
        partial = nil
        return .message(message)
    }

    private static func close(_ payload: ByteBuffer) -> Action {
        var payload = payload
        guard payload.readableBytes > 0 else { return .close(code: nil, reason: "") }
        guard let code = payload.readInteger(as: UInt16.self) else {
            return .fail(code: CloseCodes.protocolError, reason: "close payload of one byte")
        }
        guard CloseCodes.isValidOnWire(code) else {
            return .fail(code: CloseCodes.protocolError, reason: "invalid close code \(code)")
        }
        var validator = StreamingUTF8Validator()
        let valid = payload.withUnsafeReadableBytes { validator.consume($0) } && validator.isComplete
        guard valid else { return .fail(code: CloseCodes.invalidPayload, reason: "invalid UTF-8 in the close reason") }
        return .close(code: code, reason: String(buffer: payload))
    }
}
