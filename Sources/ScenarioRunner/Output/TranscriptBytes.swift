import ScenarioLanguage

/// Byte-level building blocks of the transcript encoder: JSON strings, numbers and the `%8.3f` time, appended
/// straight to a byte buffer with the same text `OutputJSON.serialized()` and `TranscriptTextRenderer`
/// produce (escaping as `JSONTextWriter.Escaping.lineSeparatorSafe`).
enum TranscriptBytes {
    /// Appends a static ASCII/UTF-8 literal.
    @inline(__always)
    static func append(_ literal: StaticString, to out: inout TranscriptByteSink) {
        // `withUTF8Buffer` also serves literals of one Unicode scalar (such as "…"), stored without a pointer.
        literal.withUTF8Buffer { out.append($0) }
    }

    /// Calls `body` with the UTF-8 bytes of `text`, without copying them when the string is native.
    @inline(__always)
    static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Appends `text`'s UTF-8 bytes unchanged.
    @inline(__always)
    static func appendRaw(_ text: String, to out: inout TranscriptByteSink) {
        withBytes(text) { out.append($0) }
    }

    /// Appends `text` as a quoted JSON string.
    static func appendQuoted(_ text: String, to out: inout TranscriptByteSink) {
        out.append(0x22)
        withBytes(text) { appendEscaped($0, to: &out) }
        out.append(0x22)
    }

    /// Appends valid UTF-8 `bytes` escaped for the inside of a JSON string: `"` and `\` with a backslash, `\n`,
    /// `\r`, `\t` in their short forms, other control characters and U+2028 / U+2029 as `\uXXXX` (lower-case hex).
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout TranscriptByteSink) {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        var index = 0
        while index < count {
            // Eight bytes at a time while none of them needs a look (the common case: long plain runs).
            while index + 8 <= count, isPlain(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0xE2 {
                index += 1
                continue
            }
            if byte == 0xE2 {
                guard index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 else {
                    index += 1
                    continue
                }
                appendRun(bytes, runStart, index, to: &out)
                append(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", to: &out)
                index += 3
                runStart = index
                continue
            }
            appendRun(bytes, runStart, index, to: &out)
            switch byte {
            case 0x22: append("\\\"", to: &out)
            case 0x5C: append("\\\\", to: &out)
            case 0x0A: append("\\n", to: &out)
            case 0x0D: append("\\r", to: &out)
            case 0x09: append("\\t", to: &out)
            default:
                append("\\u00", to: &out)
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0x0F))
            }
            index += 1
            runStart = index
        }
        appendRun(bytes, runStart, count, to: &out)
    }

    /// Whether none of the eight bytes in `word` is a control character, `"`, `\` or 0xE2 (the lead byte of
    /// U+2028 / U+2029), using the "has a byte less than n" bit trick on each condition.
    @inline(__always)
    private static func isPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let separator = word ^ (ones &* 0xE2)
        let zero = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (separator &- ones) & ~separator)
        return (control | zero) & highs == 0
    }

    @inline(__always)
    private static func appendRun(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to out: inout TranscriptByteSink
    ) {
        guard end > start else { return }
        out.append(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
    }

    /// Appends `value` in decimal, like `String(value)`.
    static func appendInt(_ value: Int, to out: inout TranscriptByteSink) {
        if value < 0 { out.append(0x2D) }
        appendDecimal(UInt64(value.magnitude), minimumDigits: 1, to: &out)
    }

    /// Appends `value` in decimal with at least `minimumDigits` digits (zero-padded on the left).
    static func appendDecimal(_ value: UInt64, minimumDigits: Int, to out: inout TranscriptByteSink) {
        // 24 bytes hold any UInt64 (20 digits).
        var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &storage) { buffer in
            let digits = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var position = 24
            var rest = value
            while rest >= 10 {
                // Two digits per step (divisions by constants compile to multiplications).
                let pair = UInt8(rest % 100)
                rest /= 100
                position -= 2
                digits[position] = 0x30 + pair / 10
                digits[position + 1] = 0x30 + pair % 10
            }
            if rest > 0 || position == 24 {
                position -= 1
                digits[position] = 0x30 + UInt8(rest)
            }
            while 24 - position < minimumDigits {
                position -= 1
                digits[position] = 0x30
            }
            out.append(UnsafeBufferPointer(start: digits + position, count: 24 - position))
        }
    }

    /// Appends a JSON number exactly as `JSONTextWriter.format(_:)` writes it.
    static func appendNumber(_ value: Double, to out: inout TranscriptByteSink) {
        guard value.isFinite else {
            append("null", to: &out)
            return
        }
        if abs(value) < 1e15, rounded(value) == value {
            appendInt(Int(Int64(value)), to: &out)
            return
        }
        // A whole number of microseconds between 1e-4 and 1e9 seconds: Swift's shortest representation is the
        // plain decimal with six fraction digits, trailing zeros dropped.
        if value > 0, value < 1e9 {
            let micros = rounded(value * 1_000_000)
            if micros < 100, micros >= 1, micros / 1_000_000 == value {
                // Below 1e-4 Swift writes an exponent: 4.5e-05, 1e-05, 7e-06.
                let whole = UInt64(micros)
                let (lead, trail) = whole >= 10 ? (whole / 10, whole % 10) : (whole, 0)
                out.append(0x30 + UInt8(lead))
                if trail != 0 {
                    out.append(0x2E)
                    out.append(0x30 + UInt8(trail))
                }
                whole >= 10 ? append("e-05", to: &out) : append("e-06", to: &out)
                return
            }
            if micros >= 100, micros / 1_000_000 == value {
                let whole = UInt64(micros)
                appendDecimal(whole / 1_000_000, minimumDigits: 1, to: &out)
                out.append(0x2E)
                var fraction = whole % 1_000_000
                var digits = 6
                while fraction % 10 == 0 {
                    fraction /= 10
                    digits -= 1
                }
                appendDecimal(fraction, minimumDigits: digits, to: &out)
                return
            }
        }
        appendRaw(JSONTextWriter.format(value), to: &out)
    }

    /// `value.rounded()` (to nearest, halves away from zero) without the `round()` library call: the integer part
    /// by truncation, then the exact fraction decides.
    @inline(__always)
    static func rounded(_ value: Double) -> Double {
        guard abs(value) < 4e18 else { return value.rounded() }
        let whole = Double(Int64(value))
        let fraction = value - whole
        if fraction >= 0.5 { return whole + 1 }
        if fraction <= -0.5 { return whole - 1 }
        return whole == 0 && value.sign == .minus ? -0.0 : whole
    }

    /// Appends `seconds` as `%8.3f` exactly like `TranscriptTextRenderer.formatTime(_:)`.
    static func appendTime(_ seconds: Double, to out: inout TranscriptByteSink) {
        let millis = max(0, Int(rounded(max(0, seconds) * 1000)))
        let whole = millis / 1000
        var wholeDigits = 1
        var rest = whole / 10
        while rest > 0 {
            wholeDigits += 1
            rest /= 10
        }
        out.append(0x20, repetitions: 8 - (wholeDigits + 4))
        appendDecimal(UInt64(whole), minimumDigits: 1, to: &out)
        out.append(0x2E)
        appendDecimal(UInt64(millis % 1000), minimumDigits: 3, to: &out)
    }
}
