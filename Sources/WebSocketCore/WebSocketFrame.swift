import NIOCore

/// One WebSocket frame as seen on the wire, with its payload already unmasked.
public struct WebSocketFrame: Sendable, Equatable {
    /// The FIN bit: this is the last frame of its message.
    public var fin: Bool
    /// The three RSV bits as a 3-bit value: RSV1 = 0b100, RSV2 = 0b010, RSV3 = 0b001.
    public var rsv: UInt8
    /// The opcode, possibly a reserved one.
    public var opcode: WebSocketOpcode
    /// The masking key if the frame was masked on the wire (big-endian, as sent).
    public var maskingKey: UInt32?
    /// The unmasked payload.
    public var payload: ByteBuffer

    public init(
        fin: Bool = true, rsv: UInt8 = 0, opcode: WebSocketOpcode, maskingKey: UInt32? = nil,
        payload: ByteBuffer
    ) {
        self.fin = fin
        self.rsv = rsv & 0b111
        self.opcode = opcode
        self.maskingKey = maskingKey
        self.payload = payload
    }

    /// RSV1, RSV2, RSV3 as booleans (transcript form).
    public var rsvBits: [Bool] { [rsv & 0b100 != 0, rsv & 0b010 != 0, rsv & 0b001 != 0] }

    /// Whether the frame was masked on the wire.
    public var isMasked: Bool { maskingKey != nil }
}
