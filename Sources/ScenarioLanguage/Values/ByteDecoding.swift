import Foundation

/// Decodes `hex:` and `base64:` byte strings.
enum ByteDecoding {
    /// Hex digits, with optional spaces, colons or a `0x` prefix between bytes; nil when invalid.
    static func hex(_ text: String) -> [UInt8]? {
        fastHex(text) ?? characterHex(text)
    }

    /// `hex(_:)` for ASCII text made only of hex digits once `0x` and the separators are dropped (every valid
    /// literal), byte by byte; nil for anything else, which `characterHex` then decides on.
    static func fastHex(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        var digits: [UInt8] = []
        digits.reserveCapacity(utf8.count)
        var index = 0
        // Like `replacingOccurrences(of: "0x", with: "")`: non-overlapping, left to right, before the separators.
        while index < utf8.count {
            let byte = utf8[index]
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: "0"), index + 1 < utf8.count, utf8[index + 1] == UInt8(ascii: "x") {
                index += 2
                continue
            }
            digits.append(byte)
            index += 1
        }
        let separators: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: "\n"), UInt8(ascii: "\t")]
        digits.removeAll { separators.contains($0) }
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var position = 0
        while position < digits.count {
            guard let high = hexValue(digits[position]), let low = hexValue(digits[position + 1]) else { return nil }
            bytes.append(high << 4 | low)
            position += 2
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The general `hex(_:)`, over characters.
    static func characterHex(_ text: String) -> [UInt8]? {
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
        // Fast path for ASCII text (every valid base64 literal): drop ASCII whitespace byte by byte. Other text
        // keeps the Unicode-aware filter (it also drops e.g. U+00A0).
        var clean: [UInt8] = []
        clean.reserveCapacity(text.utf8.count + 3)
        for byte in text.utf8 {
            guard byte < 0x80 else { return unicodeBase64(text) }
            if !isASCIIWhitespace(byte) { clean.append(byte) }
        }
        while clean.count % 4 != 0 { clean.append(UInt8(ascii: "=")) }
        guard let data = Data(base64Encoded: Data(clean)) else { return nil }
        return [UInt8](data)
    }

    /// The characters `Character.isWhitespace` accepts below U+0080: tab, line feed, vertical tab, form feed,
    /// carriage return and space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func unicodeBase64(_ text: String) -> [UInt8]? {
        var clean = text.filter { !$0.isWhitespace }
        while clean.count % 4 != 0 { clean += "=" }
        guard let data = Data(base64Encoded: clean) else { return nil }
        return [UInt8](data)
    }
}
