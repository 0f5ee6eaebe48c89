import NIOCore

/// One WebSocket frame as seen on the wire, for transcripts.
///
/// A record keeps at most `FrameRecord.keptPayloadBytes` of the payload: the transcript shows at most
/// `PayloadRecord.limit` bytes of it (and marks it `truncated`), so copying a 1 MiB payload only to drop most of
/// it again would be waste. `payloadLength` is the real (unmasked, uncompressed) payload length.
public struct FrameRecord: Sendable, Equatable {
    /// How many payload bytes a record made with `init(opcode:fin:rsv:payloadPrefix:payloadLength:...)` keeps:
    /// one more than the transcript shows, so that the transcript still sees that the payload is longer.
    public static let keptPayloadBytes = PayloadRecord.limit + 1

    /// The bytes of `payload` a record (or a `message_in` event) keeps: its first `keptPayloadBytes`.
    static func keptPrefix(of payload: ByteBuffer) -> [UInt8] {
        // One copy of contiguous bytes (the generic collection path walks the view byte by byte).
        payload.withUnsafeReadableBytes { bytes in
            Array(UnsafeRawBufferPointer(rebasing: bytes.prefix(keptPayloadBytes)))
        }
    }

    public var opcode: UInt8
    public var fin: Bool
    public var rsv: [Bool]
    /// The payload, or its first `keptPayloadBytes` bytes when it is longer (see `payloadLength`).
    public var payload: [UInt8]
    /// The length of the whole payload (unmasked; for a compressed frame, uncompressed).
    public var payloadLength: Int
    /// The payload length on the wire (may differ from `payloadLength` for `send_frame` with `length:`).
    public var length: Int
    public var masked: Bool
    /// Whether the payload was compressed on the wire (permessage-deflate); `payload` is then the uncompressed
    /// share of the message and `length` the compressed length on the wire.
    public var compressed: Bool

    /// A record of a frame with all of `payload`.
    public init(
        opcode: UInt8, fin: Bool = true, rsv: [Bool] = [false, false, false], payload: [UInt8],
        length: Int? = nil, masked: Bool = false, compressed: Bool = false
    ) {
        self.init(
            opcode: opcode, fin: fin, rsv: rsv, payloadPrefix: payload, payloadLength: payload.count,
            length: length, masked: masked, compressed: compressed)
    }

    /// A record of a frame whose payload has `payloadLength` bytes, of which `payloadPrefix` are the first ones
    /// (all of them, or at least `keptPayloadBytes` for the transcript to show the payload as it would in full).
    public init(
        opcode: UInt8, fin: Bool = true, rsv: [Bool] = [false, false, false], payloadPrefix: [UInt8],
        payloadLength: Int, length: Int? = nil, masked: Bool = false, compressed: Bool = false
    ) {
        self.opcode = opcode
        self.fin = fin
        self.rsv = rsv
        self.payload = payloadPrefix
        self.payloadLength = payloadLength
        self.length = length ?? payloadLength
        self.masked = masked
        self.compressed = compressed
    }

    /// `rsv: [false, false, false]`, shared by the records of all ordinary frames.
    private static let clearRSV = OutputJSON.array([.bool(false), .bool(false), .bool(false)])

    /// `text|binary|continuation|ping|pong|close`, or `0x3`... for reserved opcodes.
    public static func opcodeName(_ opcode: UInt8) -> String {
        switch opcode {
        case 0x0: return "continuation"
        case 0x1: return "text"
        case 0x2: return "binary"
        case 0x8: return "close"
        case 0x9: return "ping"
        case 0xA: return "pong"
        default: return "0x" + String(opcode, radix: 16)
        }
    }

    /// The transcript fields: opcode, fin, rsv, length, then text or base64 (and close code/reason).
    public var transcriptFields: [(String, OutputJSON)] { transcriptFields(preferText: opcode != 0x2) }

    /// The transcript fields, the payload shown as text (when valid UTF-8) only with `preferText`.
    public func transcriptFields(preferText: Bool) -> [(String, OutputJSON)] {
        var fields: [(String, OutputJSON)] = []
        fields.reserveCapacity(10)
        fields.append(("opcode", .string(FrameRecord.opcodeName(opcode))))
        fields.append(("fin", .bool(fin)))
        let clear = rsv.count == 3 && !rsv.contains(true)
        fields.append(("rsv", clear ? FrameRecord.clearRSV : .array(rsv.map { .bool($0) })))
        if masked { fields.append(("masked", .bool(true))) }
        // A server's frame with RSV1 set that was not inflated (no extension negotiated, or data that does not
        // inflate) carries extension data, not the message's text: it is shown as base64.
        var preferText = preferText && !(rsv.first == true && !compressed && !masked)
        if opcode == 0x8 {
            if payload.count >= 2, payload.count == payloadLength {
                fields.append(("code", .int(Int(payload[0]) << 8 | Int(payload[1]))))
                if let reason = String(validating: payload[2...], as: UTF8.self) {
                    fields.append(("reason", .string(reason)))
                    fields.append(("length", .int(length)))
                    return fields
                }
            }
            // A close payload that is not a code and a UTF-8 reason (one byte, a reason that is not UTF-8) is
            // shown as it is, in base64.
            preferText = false
        }
        var payloadFields = PayloadRecord.fields(payload, preferText: preferText)
        payloadFields[0] = ("length", .int(length))
        if !compressed, length != payloadLength {
            // `send_frame` with `length:` (a header that lies), or a frame whose payload was never read (over the
            // size limit): the bytes actually carried.
            payloadFields.insert(("payload_length", .int(payloadLength)), at: 1)
        }
        if compressed {
            payloadFields.insert(("uncompressed_length", .int(payloadLength)), at: 1)
            payloadFields.insert(("compressed", .bool(true)), at: 1)
        }
        fields.append(contentsOf: payloadFields)
        return fields
    }
}
