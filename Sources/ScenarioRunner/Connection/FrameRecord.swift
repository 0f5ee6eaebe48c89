/// One WebSocket frame as seen on the wire, for transcripts.
public struct FrameRecord: Sendable, Equatable {
    public var opcode: UInt8
    public var fin: Bool
    public var rsv: [Bool]
    public var payload: [UInt8]
    /// The payload length on the wire (may differ from `payload.count` for `send_frame` with `length:`).
    public var length: Int
    public var masked: Bool
    /// Whether the payload was compressed on the wire (permessage-deflate); `payload` is then the uncompressed
    /// share of the message and `length` the compressed length on the wire.
    public var compressed: Bool

    public init(
        opcode: UInt8, fin: Bool = true, rsv: [Bool] = [false, false, false], payload: [UInt8],
        length: Int? = nil, masked: Bool = false, compressed: Bool = false
    ) {
        self.opcode = opcode
        self.fin = fin
        self.rsv = rsv
        self.payload = payload
        self.length = length ?? payload.count
        self.masked = masked
        self.compressed = compressed
    }

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
        var fields: [(String, OutputJSON)] = [
            ("opcode", .string(FrameRecord.opcodeName(opcode))), ("fin", .bool(fin)),
            ("rsv", .array(rsv.map { .bool($0) })),
        ]
        if masked { fields.append(("masked", .bool(true))) }
        if opcode == 0x8, payload.count >= 2, let reason = String(validating: payload[2...], as: UTF8.self) {
            fields.append(("code", .int(Int(payload[0]) << 8 | Int(payload[1]))))
            fields.append(("reason", .string(reason)))
            fields.append(("length", .int(length)))
            return fields
        }
        var payloadFields = PayloadRecord.fields(payload, preferText: preferText)
        payloadFields[0] = ("length", .int(length))
        if compressed {
            payloadFields.insert(("uncompressed_length", .int(payload.count)), at: 1)
            payloadFields.insert(("compressed", .bool(true)), at: 1)
        }
        fields.append(contentsOf: payloadFields)
        return fields
    }
}
