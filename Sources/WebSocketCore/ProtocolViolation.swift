/// A peer broke RFC 6455: a typed error that knows the close code to fail the connection with.
public struct ProtocolViolation: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case maskedFrame
        case unmaskedFrame
        case reservedOpcode(UInt8)
        case reservedBits(UInt8)
        case fragmentedControlFrame(UInt8)
        case controlFrameTooLong(UInt8, UInt64)
        case invalidLength
        case nonMinimalLength(UInt64, Int)
        case frameTooLarge(UInt64, Int)
        case messageTooLarge(Int, Int)
        case continuationWithoutStart
        case dataFrameInsideFragmentedMessage(UInt8)
        case invalidUTF8Text
        case closePayloadOneByte
        case invalidCloseCode(UInt16)
        case invalidUTF8CloseReason
        case extensionFailure(String, UInt16)
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    static func maskedFrame() -> Self { Self(.maskedFrame) }
    static func unmaskedFrame() -> Self { Self(.unmaskedFrame) }
    static func reservedOpcode(_ code: UInt8) -> Self { Self(.reservedOpcode(code)) }
    static func reservedBits(_ bits: UInt8) -> Self { Self(.reservedBits(bits)) }
    static func fragmentedControlFrame(_ code: UInt8) -> Self { Self(.fragmentedControlFrame(code)) }
    static func controlFrameTooLong(_ code: UInt8, _ length: UInt64) -> Self {
        Self(.controlFrameTooLong(code, length))
    }
    static func invalidLength() -> Self { Self(.invalidLength) }
    /// A payload length written in `bits` (16 or 64) bits although a shorter form holds it (RFC 6455 §5.2: "the
    /// minimal number of bytes MUST be used").
    static func nonMinimalLength(_ length: UInt64, bits: Int) -> Self { Self(.nonMinimalLength(length, bits)) }
    static func frameTooLarge(_ length: UInt64, limit: Int) -> Self { Self(.frameTooLarge(length, limit)) }
    static func messageTooLarge(_ length: Int, limit: Int) -> Self { Self(.messageTooLarge(length, limit)) }
    static func continuationWithoutStart() -> Self { Self(.continuationWithoutStart) }
    static func dataFrameInsideFragmentedMessage(_ code: UInt8) -> Self {
        Self(.dataFrameInsideFragmentedMessage(code))
    }
    static func invalidUTF8Text() -> Self { Self(.invalidUTF8Text) }
    static func closePayloadOneByte() -> Self { Self(.closePayloadOneByte) }
    static func invalidCloseCode(_ code: UInt16) -> Self { Self(.invalidCloseCode(code)) }
    static func invalidUTF8CloseReason() -> Self { Self(.invalidUTF8CloseReason) }

    /// A violation found by a negotiated extension (e.g. permessage-deflate: RSV1 on a control frame, data that does
    /// not inflate, a message inflating past the limit), failing the connection with `closeCode`.
    public static func extensionFailure(_ message: String, closeCode: UInt16) -> Self {
        Self(.extensionFailure(message, closeCode))
    }

    /// The close code to fail the connection with (RFC 6455 §7.4.1): 1002, 1007 or 1009.
    public var closeCode: UInt16 {
        switch kind {
        case .extensionFailure(_, let code): return code
        case .invalidUTF8Text, .invalidUTF8CloseReason: return 1007
        case .frameTooLarge, .messageTooLarge: return 1009
        default: return 1002
        }
    }

    /// A short human-readable explanation, suitable as a close reason (always under 123 bytes).
    public var message: String {
        switch kind {
        case .maskedFrame: return "server frame is masked"
        case .unmaskedFrame: return "client frame is not masked"
        case .reservedOpcode(let code): return "reserved opcode 0x\(String(code, radix: 16))"
        case .reservedBits(let bits):
            return "RSV bits \(Self.rsvNames(bits)) set, which no negotiated extension defines"
        case .fragmentedControlFrame(let code):
            return "fragmented control frame (opcode 0x\(String(code, radix: 16)))"
        case .controlFrameTooLong(let code, let length):
            return "control frame (opcode 0x\(String(code, radix: 16))) payload of \(length) bytes exceeds 125"
        case .invalidLength: return "64-bit payload length has its most significant bit set"
        case .nonMinimalLength(let length, let bits):
            return "payload length \(length) written in \(bits) bits (a shorter length field holds it)"
        case .frameTooLarge(let length, let limit): return "frame of \(length) bytes exceeds the limit of \(limit)"
        case .messageTooLarge(let length, let limit):
            return "message of at least \(length) bytes exceeds the limit of \(limit)"
        case .continuationWithoutStart: return "continuation frame without a message to continue"
        case .dataFrameInsideFragmentedMessage(let code):
            return "new data frame (opcode 0x\(String(code, radix: 16))) inside a fragmented message"
        case .invalidUTF8Text: return "text message is not valid UTF-8"
        case .closePayloadOneByte: return "close frame payload of 1 byte"
        case .invalidCloseCode(let code): return "invalid close code \(code)"
        case .invalidUTF8CloseReason: return "close reason is not valid UTF-8"
        case .extensionFailure(let message, _): return message
        }
    }

    public var description: String { "protocol violation: \(message) (close code \(closeCode))" }

    private static func rsvNames(_ bits: UInt8) -> String {
        var names: [String] = []
        if bits & 0b100 != 0 { names.append("RSV1") }
        if bits & 0b010 != 0 { names.append("RSV2") }
        if bits & 0b001 != 0 { names.append("RSV3") }
        return names.joined(separator: "+")
    }
}
