import NIOCore

/// Serialises frames: masked client frames, unmasked server frames, and raw frames exactly as described.
public enum FrameEncoder {
    /// The size of the header for a payload of `length` bytes.
    public static func headerSize(length: UInt64, masked: Bool) -> Int {
        let lengthBytes = length < 126 ? 0 : (length <= 0xFFFF ? 2 : 8)
        return 2 + lengthBytes + (masked ? 4 : 0)
    }

    /// Writes the frame header only.
    public static func writeHeader(
        fin: Bool, rsv: UInt8, opcode: WebSocketOpcode, length: UInt64,
        maskingKey: UInt32?, into buffer: inout ByteBuffer
    ) {
        let first = (fin ? 0x80 : 0) | ((rsv & 0b111) << 4) | opcode.rawValue
        let maskBit: UInt8 = maskingKey == nil ? 0 : 0x80
        buffer.writeInteger(first)
        if length < 126 {
            buffer.writeInteger(maskBit | UInt8(length))
        } else if length <= 0xFFFF {
            buffer.writeInteger(maskBit | 126)
            buffer.writeInteger(UInt16(length))
        } else {
            buffer.writeInteger(maskBit | 127)
            buffer.writeInteger(length)
        }
        if let maskingKey { buffer.writeInteger(maskingKey) }
    }

    /// Encodes a frame (header and payload, masked with `maskingKey` if given) into `buffer`.
    public static func encode(
        fin: Bool = true, rsv: UInt8 = 0, opcode: WebSocketOpcode, payload: ByteBuffer,
        maskingKey: UInt32?, lengthOverride: UInt64? = nil, into buffer: inout ByteBuffer
    ) {
        let length = lengthOverride ?? UInt64(payload.readableBytes)
        writeHeader(fin: fin, rsv: rsv, opcode: opcode, length: length, maskingKey: maskingKey, into: &buffer)
        guard let maskingKey else {
            buffer.writeImmutableBuffer(payload)
            return
        }
        let count = payload.readableBytes
        guard count > 0 else { return }
        payload.withUnsafeReadableBytes { source in
            _ = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { target in
                FrameMasking.mask(key: maskingKey, from: source, into: target)
                return count
            }
        }
    }

    /// Encodes a frame into a new buffer.
    public static func encode(_ frame: WebSocketFrame, allocator: ByteBufferAllocator = ByteBufferAllocator())
        -> ByteBuffer
    {
        let length = UInt64(frame.payload.readableBytes)
        var buffer = allocator.buffer(
            capacity: headerSize(length: length, masked: frame.maskingKey != nil) + frame.payload.readableBytes)
        encode(
            fin: frame.fin, rsv: frame.rsv, opcode: frame.opcode, payload: frame.payload,
            maskingKey: frame.maskingKey, into: &buffer)
        return buffer
    }

    /// Encodes a raw frame; `randomKey` supplies the masking key when the frame is masked without a fixed key.
    public static func encode(
        _ raw: RawFrame, randomKey: () -> UInt32,
        allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) -> ByteBuffer {
        let key: UInt32? = raw.masked ? (raw.maskingKey ?? randomKey()) : nil
        let length = raw.lengthOverride ?? UInt64(raw.payload.readableBytes)
        var buffer = allocator.buffer(
            capacity: headerSize(length: length, masked: raw.masked) + raw.payload.readableBytes)
        encode(
            fin: raw.fin, rsv: raw.rsv, opcode: raw.opcode, payload: raw.payload, maskingKey: key,
            lengthOverride: raw.lengthOverride, into: &buffer)
        return buffer
    }
}
