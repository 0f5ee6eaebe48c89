import Foundation
import NIOCore

/// Byte-string comparisons with `memcmp` over contiguous storage (the generic `==` and `starts(with:)` compare
/// element by element, which is slow for megabyte payloads).
enum ByteComparison {
    /// Whether `buffer`'s readable bytes equal `bytes`.
    static func equal(_ buffer: ByteBuffer, _ bytes: [UInt8]) -> Bool {
        buffer.readableBytes == bytes.count && same(buffer, bytes, count: bytes.count)
    }

    /// Whether `buffer`'s readable bytes start with `prefix`.
    static func hasPrefix(_ buffer: ByteBuffer, _ prefix: [UInt8]) -> Bool {
        buffer.readableBytes >= prefix.count && same(buffer, prefix, count: prefix.count)
    }

    private static func same(_ buffer: ByteBuffer, _ bytes: [UInt8], count: Int) -> Bool {
        guard count > 0 else { return true }
        return buffer.withUnsafeReadableBytes { left in
            bytes.withUnsafeBytes { right in memcmp(left.baseAddress!, right.baseAddress!, count) == 0 }
        }
    }
}
