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
    /// The payload length written in the header: the wire length (differs from `payload` for raw frames that lie
    /// and for compressed frames, whose `payload` is the uncompressed data).
    public var length: UInt64
    /// The unmasked payload; for a frame of a permessage-deflate compressed message, this frame's share of the
    /// uncompressed message (the bytes on the wire are in `wirePayload`).
    public var payload: ByteBuffer
    /// Whether the frame belongs to a permessage-deflate compressed message (RSV1 on its first frame).
    public var compressed: Bool
    /// For a compressed frame: the payload as it was on the wire (compressed); `nil` otherwise.
    public var wirePayload: ByteBuffer?

    public init(
        opcode: WebSocketOpcode, fin: Bool, rsv: UInt8, masked: Bool, length: UInt64, payload: ByteBuffer,
        compressed: Bool = false, wirePayload: ByteBuffer? = nil
    ) {
        self.opcode = opcode
        self.fin = fin
        self.rsv = rsv
        self.masked = masked
        self.length = length
        self.payload = payload
        self.compressed = compressed
        self.wirePayload = wirePayload
    }

    /// The length of the uncompressed payload (equals `length` for an uncompressed, honest frame).
    public var uncompressedLength: UInt64 { UInt64(payload.readableBytes) }

    init(_ frame: WebSocketFrame) {
        self.init(
            opcode: frame.opcode, fin: frame.fin, rsv: frame.rsv, masked: frame.isMasked,
            length: UInt64(frame.payload.readableBytes), payload: frame.payload)
    }

    /// RSV1, RSV2, RSV3 as booleans.
    public var rsvBits: [Bool] { [rsv & 0b100 != 0, rsv & 0b010 != 0, rsv & 0b001 != 0] }
}
