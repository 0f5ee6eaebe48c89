import Foundation

/// Decodes `hex:` and `base64:` byte strings.
enum ByteDecoding {
    /// Hex digits, with optional spaces, colons or a `0x` prefix between bytes; nil when invalid.
    static func hex(_ text: String) -> [UInt8]? {
        var digits = text.replacingOccurrences(of: "0x", with: "")
        digits.removeAll { $0 == " " || $0 == ":" || $0 == "\n" || $0 == "\t" }
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var iterator = digits.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let value = UInt8(String([high, low]), radix: 16) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// Standard base64 (padding optional, whitespace ignored); nil when invalid.
    static func base64(_ text: String) -> [UInt8]? {
        var clean = text.filter { !$0.isWhitespace }
        while clean.count % 4 != 0 { clean += "=" }
        guard let data = Data(base64Encoded: clean) else { return nil }
        return [UInt8](data)
    }
}
