/// Follows the client's frames in the raw byte stream, before they are decoded, and validates the payload of
/// text messages as it arrives: invalid UTF-8 can then fail the connection at once, not only when its frame is
/// complete (RFC 6455 §8.1 "fail fast"; Autobahn 6.4.3 and 6.4.4 send one frame in delayed pieces).
///
/// It only watches: the frame decoder and the session still apply every rule (a frame the watcher finds odd, such
/// as a data frame inside a fragmented message, makes it stop watching). Compressed messages (RSV1) are left to
/// the session, which validates them after inflating, and so is a message that ends in the middle of a character.
struct TextPayloadWatcher {
    /// The header bytes of the frame being read, until the header is complete.
    private var header: [UInt8] = []
    /// Payload bytes of the current frame still to come.
    private var remaining: UInt64 = 0
    /// The current frame's masking key and how many of its payload bytes went by.
    /// The key's four bytes, first byte in the lowest bits.
    private var maskingKey: UInt32?
    private var payloadOffset = 0
    /// Whether the current frame's payload is validated, and whether it ends its message.
    private var validatesPayload = false
    private var endsMessage = false
    /// The data message in progress: nil between messages.
    private var message: (isText: Bool, compressed: Bool)?
    private var validator = StreamingUTF8Validator()
    private var stopped = false

    init() {
        header.reserveCapacity(14)
    }

    /// Feeds received bytes; false as soon as a text message's payload so far cannot be valid UTF-8.
    mutating func consume(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index < bytes.count, !stopped {
            if remaining == 0 {  // between payloads: header bytes, as many as the header still needs
                let count = min(headerBytesMissing, bytes.count - index)
                header.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)]))
                index += count
                if headerBytesMissing == 0 { startFrame() }
                continue
            }
            let count = Int(min(remaining, UInt64(bytes.count - index)))
            if validatesPayload, !validate(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)])) {
                stopped = true
                return false
            }
            index += count
            payloadOffset += count
            remaining -= UInt64(count)
            if remaining == 0 { endFrame() }
        }
        return true
    }

    /// How many more bytes the header needs: first the two fixed bytes, then the length fields and masking key.
    private var headerBytesMissing: Int {
        guard header.count >= 2 else { return 2 - header.count }
        let lengthBytes: Int
        switch header[1] & 0x7F {
        case 126: lengthBytes = 2
        case 127: lengthBytes = 8
        default: lengthBytes = 0
        }
        return 2 + lengthBytes + (header[1] & 0x80 != 0 ? 4 : 0) - header.count
    }

    private mutating func startFrame() {
        let first = header[0], second = header[1]
        let opcode = first & 0x0F, fin = first & 0x80 != 0, compressed = first & 0x40 != 0
        var length = UInt64(second & 0x7F)
        var position = 2
        if length >= 126 {
            let size = length == 126 ? 2 : 8
            length = header[2..<(2 + size)].reduce(0) { $0 << 8 | UInt64($1) }
            position += size
        }
        maskingKey =
            second & 0x80 != 0
            ? header[position..<(position + 4)].reversed().reduce(0) { $0 << 8 | UInt32($1) } : nil
        header.removeAll(keepingCapacity: true)
        remaining = length
        payloadOffset = 0
        validatesPayload = false
        endsMessage = false
        switch opcode {
        case 0x1, 0x2:
            guard message == nil else { return stop() }
            message = (opcode == 0x1, compressed)
            validator = StreamingUTF8Validator()
        case 0x0:
            guard message != nil else { return stop() }
        case 0x8...0xA:
            if length == 0 { endFrame() }
            return  // control frames: their payload is skipped, the message in progress goes on
        default:
            return stop()
        }
        validatesPayload = message?.isText == true && message?.compressed == false
        endsMessage = fin
        if length == 0 { endFrame() }
    }

    private mutating func endFrame() {
        if endsMessage { message = nil }
        validatesPayload = false
        endsMessage = false
    }

    private mutating func stop() {
        stopped = true
    }

    /// Unmasks (when masked) and validates a piece of the current frame's payload: eight bytes at a time while
    /// they are ASCII, byte by byte around anything else.
    private mutating func validate(_ piece: UnsafeRawBufferPointer) -> Bool {
        guard let key = maskingKey else { return validator.consume(piece) }
        var index = 0
        while index < piece.count {
            // The key turned so that its byte for payload offset `payloadOffset + index` comes first.
            let shift = UInt32((payloadOffset + index) & 3) * 8
            let turned = shift == 0 ? key : key >> shift | key << (32 - shift)
            if index + 8 <= piece.count, validator.isComplete {
                let word = UInt64(littleEndian: piece.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if (word ^ (UInt64(turned) | UInt64(turned) << 32)) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let count = min(8, piece.count - index)
            var chunk = (UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0))
            let valid = withUnsafeMutableBytes(of: &chunk) { scratch in
                for offset in 0..<count {
                    let keyByte = UInt8(truncatingIfNeeded: turned >> (UInt32(offset & 3) * 8))
                    scratch[offset] = piece[index + offset] ^ keyByte
                }
                return validator.consume(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
            }
            guard valid else { return false }
            index += count
        }
        return true
    }
}
