/// A WebSocket frame opcode (RFC 6455 §5.2): any 4-bit value, including the reserved ones.
public struct WebSocketOpcode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The 4-bit value as it appears on the wire (0...15).
    public let rawValue: UInt8

    /// Creates an opcode from its wire value; only the low 4 bits are kept.
    public init(rawValue: UInt8) { self.rawValue = rawValue & 0x0F }

    public static let continuation = WebSocketOpcode(rawValue: 0x0)
    public static let text = WebSocketOpcode(rawValue: 0x1)
    public static let binary = WebSocketOpcode(rawValue: 0x2)
    public static let close = WebSocketOpcode(rawValue: 0x8)
    public static let ping = WebSocketOpcode(rawValue: 0x9)
    public static let pong = WebSocketOpcode(rawValue: 0xA)

    /// Control frames (close, ping, pong and the reserved 0xB...0xF) have the high bit set.
    public var isControl: Bool { rawValue & 0x8 != 0 }

    /// Opcodes 0x3...0x7 and 0xB...0xF have no meaning in RFC 6455.
    public var isReserved: Bool { (0x3...0x7).contains(rawValue) || rawValue >= 0xB }

    /// The transcript name: `text`, `binary`, `continuation`, `ping`, `pong`, `close`, or `0x3`... for reserved ones.
    public var name: String {
        switch rawValue {
        case 0x0: return "continuation"
        case 0x1: return "text"
        case 0x2: return "binary"
        case 0x8: return "close"
        case 0x9: return "ping"
        case 0xA: return "pong"
        default: return "0x" + String(rawValue, radix: 16)
        }
    }

    public var description: String { name }
}
