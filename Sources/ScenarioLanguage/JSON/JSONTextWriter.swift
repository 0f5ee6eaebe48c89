/// The layout and escaping rules shared by every JSON writer of the package (plan values, transcripts, reports):
/// compact or indented text, members in their given order, numbers without `inf`/`nan`.
public enum JSONTextWriter {
    /// How ``writeString(_:escaping:to:)`` escapes control and separator characters.
    public enum Escaping: Sendable {
        /// `\b` and `\f` in their short forms, other control characters as `\u00XX`.
        case standard
        /// Control characters other than `\n`, `\r`, `\t` as `\u00XX`, and U+2028 / U+2029 escaped too, so the
        /// text is also a valid JavaScript string.
        case lineSeparatorSafe
    }

    /// Writes `items` as a JSON array; `indent` nil means compact text. `element` writes one item at `level`.
    public static func writeArray<Element>(
        _ items: [Element], indent: String?, level: Int, to output: inout String,
        element: (Element, inout String, Int) -> Void
    ) {
        if items.isEmpty {
            output += "[]"
            return
        }
        output += "["
        for (index, item) in items.enumerated() {
            if index > 0 { output += "," }
            newline(&output, indent: indent, level: level + 1)
            element(item, &output, level + 1)
        }
        newline(&output, indent: indent, level: level)
        output += "]"
    }

    /// Writes `members` in their order as a JSON object; `indent` nil means compact text. `value` writes one
    /// member's value at `level`.
    public static func writeObject<Value>(
        _ members: [(String, Value)], escaping: Escaping, indent: String?, level: Int,
        to output: inout String, value: (Value, inout String, Int) -> Void
    ) {
        if members.isEmpty {
            output += "{}"
            return
        }
        output += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { output += "," }
            newline(&output, indent: indent, level: level + 1)
            writeString(member.0, escaping: escaping, to: &output)
            output += indent == nil ? ":" : ": "
            value(member.1, &output, level + 1)
        }
        newline(&output, indent: indent, level: level)
        output += "}"
    }

    /// A number as JSON expects it: `null` for `inf`/`nan`, integral values below 1e15 without a fraction.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Writes `value` as a quoted, escaped JSON string.
    public static func writeString(_ value: String, escaping: Escaping, to output: inout String) {
        output += "\""
        let plain = value.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }
        if plain {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}" where escaping == .standard: output += "\\b"
            case "\u{0C}" where escaping == .standard: output += "\\f"
            case _ where scalar.value < 0x20:
                output += unicodeEscape(scalar)
            case _ where escaping == .lineSeparatorSafe && (scalar.value == 0x2028 || scalar.value == 0x2029):
                output += unicodeEscape(scalar)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func newline(_ output: inout String, indent: String?, level: Int) {
        guard let indent else { return }
        output += "\n" + String(repeating: indent, count: level)
    }
}
