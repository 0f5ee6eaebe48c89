import NIOCore

/// The payload of a close frame: an optional status code and a UTF-8 reason (RFC 6455 §5.5.1).
public struct ClosePayload: Sendable, Equatable {
    /// The status code, `nil` when the close frame had an empty payload.
    public var code: UInt16?
    /// The reason text (empty if none).
    public var reason: String

    public init(code: UInt16?, reason: String = "") {
        self.code = code
        self.reason = reason
    }

    /// Parses and validates a received close payload: not 1 byte long, a code valid on the wire (§7.4),
    /// a reason in valid UTF-8.
    public static func parse(_ payload: ByteBuffer) throws(ProtocolViolation) -> ClosePayload {
        var payload = payload
        switch payload.readableBytes {
        case 0: return ClosePayload(code: nil)
        case 1: throw .closePayloadOneByte()
        default:
            let code = payload.readInteger(as: UInt16.self)!
            guard isValidOnWire(code) else { throw .invalidCloseCode(code) }
            guard UTF8Validator.isValid(payload) else { throw .invalidUTF8CloseReason() }
            return ClosePayload(code: code, reason: String(buffer: payload))
        }
    }

    /// Whether `code` may appear in a close frame: 1000–1003, 1007–1014 and 3000–4999
    /// (1004, 1005, 1006, 1015 and everything else are invalid).
    public static func isValidOnWire(_ code: UInt16) -> Bool {
        switch code {
        case 1000...1003, 1007...1014, 3000...4999: return true
        default: return false
        }
    }

    /// Serialises the payload (code then reason); an absent code gives an empty payload.
    public func encoded(allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        guard let code else { return allocator.buffer(capacity: 0) }
        var buffer = allocator.buffer(capacity: 2 + reason.utf8.count)
        buffer.writeInteger(code)
        buffer.writeString(reason)
        return buffer
    }
}
