/// The protocol violations `/misbehave/{kind}` commits, for negative tests of WebSocket clients.
public enum MisbehaviourKind: String, CaseIterable, Sendable {
    /// A masked server frame (servers must never mask).
    case masked
    /// A text frame whose payload is invalid UTF-8 (`c3 28`).
    case badUTF8 = "bad-utf8"
    /// A frame with RSV1 set although no extension was negotiated.
    case rsv1
    /// A 101 response with a wrong `Sec-WebSocket-Accept`.
    case badAccept = "bad-accept"
    /// Upgrades, then drops the TCP connection without a close frame.
    case drop
    /// A ping whose payload is 126 bytes (control frames are limited to 125).
    case bigControl = "big-control"
    /// A text frame `early` written in the same TCP write as the 101 response.
    case frameWith101 = "frame-with-101"
    /// A frame with the reserved opcode 3.
    case reservedOpcode = "reserved-opcode"
    /// A close frame carrying code 1005, which must never appear on the wire.
    case badCloseCode = "bad-close-code"

    /// Whether the misbehaviour is in the opening handshake itself (the 101 is written by hand).
    var rewritesHandshake: Bool {
        self == .badAccept || self == .frameWith101
    }

    /// The raw bytes written right after a normal upgrade, or nil when the kind does something else.
    var bytesAfterUpgrade: [UInt8]? {
        switch self {
        case .masked:
            let key: [UInt8] = [0x01, 0x02, 0x03, 0x04]
            let payload = Array("masked".utf8).enumerated().map { $0.element ^ key[$0.offset % 4] }
            return [0x81, 0x80 | UInt8(payload.count)] + key + payload
        case .badUTF8:
            return [0x81, 0x02, 0xC3, 0x28]
        case .rsv1:
            return [0xC1, 0x05] + Array("hello".utf8)
        case .bigControl:
            return [0x89, 0x7E, 0x00, 0x7E] + [UInt8](repeating: 0x61, count: 126)
        case .reservedOpcode:
            return [0x83, 0x00]
        case .badCloseCode:
            return [0x88, 0x02, 0x03, 0xED]
        case .badAccept, .frameWith101, .drop:
            return nil
        }
    }
}
