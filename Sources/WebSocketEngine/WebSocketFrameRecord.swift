import NIOCore
import WebSocketCore

/// One frame as sent or received, for the transcript.
public struct WebSocketFrameRecord: Sendable, Equatable {
    /// The opcode (reserved ones included, for raw frames).
    public var opcode: WebSocketOpcode
    /// The FIN bit.
    public var fin: Bool
    /// RSV1...RSV3 as a 3-bit value (RSV1 = 0b100); see `rsvBits`.
    public var rsv: UInt8
    /// Whether the frame was masked on the wire.
    public var masked: Bool
    /// The payload length written in the header (differs from `payload` only for raw frames that lie).
    public var length: UInt64
    /// The unmasked payload.
    public var payload: ByteBuffer

    public init(opcode: WebSocketOpcode, fin: Bool, rsv: UInt8, masked: Bool, length: UInt64, payload: ByteBuffer) {
        self.opcode = opcode
        self.fin = fin
        self.rsv = rsv
        self.masked = masked
        self.length = length
        self.payload = payload
    }

    init(_ frame: WebSocketFrame) {
        self.init(
            opcode: frame.opcode, fin: frame.fin, rsv: frame.rsv, masked: frame.isMasked,
            length: UInt64(frame.payload.readableBytes), payload: frame.payload)
    }

    /// RSV1, RSV2, RSV3 as booleans.
    public var rsvBits: [Bool] { [rsv & 0b100 != 0, rsv & 0b010 != 0, rsv & 0b001 != 0] }
}
