/// One WebSocket frame as the test client reads or writes it, byte for byte.
struct RawFrame: Equatable, CustomStringConvertible {
    var fin = true
    var rsv: UInt8 = 0
    var opcode: UInt8
    var masked = false
    var payload: [UInt8]
    /// The key `encoded()` masks with.
    var maskKey: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]

    var text: String { String(decoding: payload, as: UTF8.self) }

    /// The close code of a close frame, if it has one.
    var closeCode: UInt16? {
        guard opcode == 8, payload.count >= 2 else { return nil }
        return UInt16(payload[0]) << 8 | UInt16(payload[1])
    }

    /// The close reason of a close frame.
    var closeReason: String { String(decoding: payload.dropFirst(2), as: UTF8.self) }

    var description: String {
        "frame(op: \(opcode), fin: \(fin), rsv: \(rsv), masked: \(masked), \(payload.count) bytes)"
    }

    static func text(_ text: String, fin: Bool = true) -> RawFrame {
        RawFrame(fin: fin, opcode: 1, masked: true, payload: Array(text.utf8))
    }

    static func binary(_ bytes: [UInt8], fin: Bool = true) -> RawFrame {
        RawFrame(fin: fin, opcode: 2, masked: true, payload: bytes)
    }

    static func continuation(_ bytes: [UInt8], fin: Bool) -> RawFrame {
        RawFrame(fin: fin, opcode: 0, masked: true, payload: bytes)
    }

    static func close(_ code: UInt16?, _ reason: String = "") -> RawFrame {
        let payload = code.map { [UInt8($0 >> 8), UInt8($0 & 0xFF)] + Array(reason.utf8) } ?? []
        return RawFrame(opcode: 8, masked: true, payload: payload)
    }

    /// The frame on the wire (masked with a fixed key when `masked`).
    func encoded() -> [UInt8] {
        var bytes: [UInt8] = [(fin ? 0x80 : 0) | (rsv << 4) | opcode]
        let maskBit: UInt8 = masked ? 0x80 : 0
        if payload.count < 126 {
            bytes.append(maskBit | UInt8(payload.count))
        } else if payload.count <= 0xFFFF {
            bytes += [maskBit | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            bytes.append(maskBit | 127)
            bytes += (0..<8).reversed().map { UInt8((UInt64(payload.count) >> (UInt64($0) * 8)) & 0xFF) }
        }
        guard masked else { return bytes + payload }
        let key = maskKey
        return bytes + key + payload.enumerated().map { $0.element ^ key[$0.offset % 4] }
    }
}
