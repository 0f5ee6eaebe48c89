import NIOCore

/// The RFC 6455 §5.3 masking transform (its own inverse).
public enum FrameMasking {
    /// XORs the readable bytes of `buffer`, starting `offset` bytes after its reader index, with the 4-byte `key`
    /// (big-endian: the first key byte on the wire masks the first payload byte).
    public static func apply(key: UInt32, to buffer: inout ByteBuffer, fromReadableOffset offset: Int = 0) {
        buffer.withUnsafeMutableReadableBytes { bytes in
            let count = bytes.count - offset
            guard count > 0, let base = bytes.baseAddress?.advanced(by: offset) else { return }
            let wordKey = UInt32(bigEndian: key)  // bytes in wire order when stored in memory
            var index = 0
            while index + 4 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt32.self)
                base.storeBytes(of: word ^ wordKey, toByteOffset: index, as: UInt32.self)
                index += 4
            }
            while index < count {
                let shift = UInt32(24 - 8 * (index & 3))
                let keyByte = UInt8(truncatingIfNeeded: key >> shift)
                base.storeBytes(
                    of: base.load(fromByteOffset: index, as: UInt8.self) ^ keyByte,
                    toByteOffset: index, as: UInt8.self)
                index += 1
            }
        }
    }
}
