import Foundation

/// Base64 for transcript payloads: standard alphabet, `=` padding, no line breaks (what Foundation's
/// `base64EncodedString()` writes), two output characters per table lookup, straight into the string's storage.
///
/// The last large result is remembered: an echoed payload is recorded three times (`frame_out`, `frame_in`,
/// `message_in`) with the same bytes, and comparing 64 KiB costs far less than encoding them again.
enum TranscriptBase64 {
    /// Inputs at least this long are remembered.
    static let rememberedSize = 4096

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The two characters for every 12-bit value, the first one in the low byte.
    private static let pairs: [UInt16] = (0..<4096).map { value in
        UInt16(alphabet[value >> 6]) | UInt16(alphabet[value & 0x3F]) << 8
    }

    private static let last = LastEncoding()

    /// `bytes` in base64.
    static func encode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count >= rememberedSize else { return encodeNow(bytes) }
        if let known = last.lookUp(bytes) { return known }
        let text = encodeNow(bytes)
        last.remember(bytes, text)
        return text
    }

    private static func encodeNow(_ input: UnsafeBufferPointer<UInt8>) -> String {
        let length = (input.count + 2) / 3 * 4
        guard length > 0 else { return "" }
        return pairs.withUnsafeBufferPointer { pairs in
            String(unsafeUninitializedCapacity: length) { output in
                let out = UnsafeMutableRawPointer(output.baseAddress!)
                var read = 0
                var written = 0
                let whole = input.count - input.count % 3
                while read < whole {
                    let group = Int(input[read]) << 16 | Int(input[read + 1]) << 8 | Int(input[read + 2])
                    out.storeBytes(of: pairs[group >> 12].littleEndian, toByteOffset: written, as: UInt16.self)
                    out.storeBytes(of: pairs[group & 0xFFF].littleEndian, toByteOffset: written + 2, as: UInt16.self)
                    read += 3
                    written += 4
                }
                let rest = input.count - whole
                if rest > 0 {
                    let second = rest == 2 ? Int(input[read + 1]) : 0
                    let group = Int(input[read]) << 16 | second << 8
                    let first = pairs[group >> 12]
                    output[written] = UInt8(truncatingIfNeeded: first)
                    output[written + 1] = UInt8(truncatingIfNeeded: first >> 8)
                    output[written + 2] = rest == 2 ? alphabet[group >> 6 & 0x3F] : 0x3D
                    output[written + 3] = 0x3D
                    written += 4
                }
                return written
            }
        }
    }
}

/// The last large input and its encoding, shared by every connection (thread-safe).
private final class LastEncoding: @unchecked Sendable {
    private let lock = NSLock()
    private var input: [UInt8] = []
    private var output = ""

    func lookUp(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        lock.withLock {
            guard input.count == bytes.count else { return nil }
            let same = input.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
            return same ? output : nil
        }
    }

    func remember(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) {
        lock.withLock {
            input = Array(bytes)
            output = text
        }
    }
}
