import NIOCore

/// The RFC 6455 §5.3 masking transform (its own inverse).
public enum FrameMasking {
    /// XORs the readable bytes of `buffer`, starting `offset` bytes after its reader index, with the 4-byte `key`
    /// (big-endian: the first key byte on the wire masks the first payload byte).
    public static func apply(key: UInt32, to buffer: inout ByteBuffer, fromReadableOffset offset: Int = 0) {
        buffer.withUnsafeMutableReadableBytes { bytes in
            let count = bytes.count - offset
            guard count > 0, let base = bytes.baseAddress?.advanced(by: offset) else { return }
            mask(key: key, from: UnsafeRawPointer(base), to: base, count: count)
        }
    }

    /// Writes `source` masked with `key` into `destination` (which must have room for `source.count` bytes): one
    /// pass instead of a copy followed by masking in place.
    public static func mask(
        key: UInt32, from source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer
    ) {
        precondition(destination.count >= source.count, "the destination is too small")
        guard let from = source.baseAddress, let to = destination.baseAddress, !source.isEmpty else { return }
        mask(key: key, from: from, to: to, count: source.count)
    }

    /// Masks `count` bytes from `from` into `to` (which may be the same memory), 64 bytes at a time (16-byte
    /// vectors), then 8 at a time.
    private static func mask(key: UInt32, from: UnsafeRawPointer, to: UnsafeMutableRawPointer, count: Int) {
        let wordKey = UInt32(bigEndian: key)  // bytes in wire order when stored in memory
        let longKey = UInt64(wordKey) | UInt64(wordKey) << 32
        let vectorKey = unsafeBitCast(SIMD2<UInt64>(longKey, longKey), to: SIMD16<UInt8>.self)
        var index = 0
        while index + 64 <= count {
            for lane in stride(from: index, to: index + 64, by: 16) {
                let vector = from.loadUnaligned(fromByteOffset: lane, as: SIMD16<UInt8>.self)
                to.storeBytes(of: vector ^ vectorKey, toByteOffset: lane, as: SIMD16<UInt8>.self)
            }
            index += 64
        }
        while index + 8 <= count {
            let word = from.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            to.storeBytes(of: word ^ longKey, toByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < count {
            let shift = UInt32(24 - 8 * (index & 3))
            let keyByte = UInt8(truncatingIfNeeded: key >> shift)
            to.storeBytes(
                of: from.load(fromByteOffset: index, as: UInt8.self) ^ keyByte, toByteOffset: index, as: UInt8.self)
            index += 1
        }
    }
}
