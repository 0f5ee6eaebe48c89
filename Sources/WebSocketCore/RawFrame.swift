import NIOCore

/// A frame to put on the wire exactly as described, valid or not (for negative tests).
public struct RawFrame: Sendable, Equatable {
    /// Any 4-bit opcode, including reserved ones.
    public var opcode: WebSocketOpcode
    /// The FIN bit.
    public var fin: Bool
    /// RSV1...RSV3 as a 3-bit value (RSV1 = 0b100).
    public var rsv: UInt8
    /// Whether to mask the payload (clients must; `false` sends it unmasked).
    public var masked: Bool
    /// A fixed masking key; `nil` lets the encoder draw one from its random source.
    public var maskingKey: UInt32?
    /// The payload, unmasked.
    public var payload: ByteBuffer
    /// A length to write in the header instead of the real payload length (a lie), or `nil` for the truth.
    public var lengthOverride: UInt64?

    public init(
        opcode: WebSocketOpcode, fin: Bool = true, rsv: UInt8 = 0, masked: Bool = true,
        maskingKey: UInt32? = nil, payload: ByteBuffer = ByteBuffer(), lengthOverride: UInt64? = nil
    ) {
        self.opcode = opcode
        self.fin = fin
        self.rsv = rsv & 0b111
        self.masked = masked
        self.maskingKey = maskingKey
        self.payload = payload
        self.lengthOverride = lengthOverride
    }
}
