import Foundation
import ScenarioLanguage

/// A JSON value written by transcripts and reports, with object keys kept in insertion order
/// so that every output is stable and readable.
///
/// Not `indirect`: arrays already hold nested values on the heap, and a scalar field then costs no allocation.
public enum OutputJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// An integer beyond 64 bits, as its decimal digits.
    case bigInteger(String)
    case string(String)
    case array([OutputJSON])
    case object([(String, OutputJSON)])

    public static func == (lhs: OutputJSON, rhs: OutputJSON) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// The value of `key` in an object, or nil.
    public subscript(key: String) -> OutputJSON? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// Compact JSON text.
    public func serialized() -> String {
        var out = ""
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// Indented JSON text (two spaces).
    public func pretty() -> String {
        var out = ""
        write(into: &out, indent: "  ", level: 0)
        return out
    }

    private func write(into out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += JSONTextWriter.format(value)
        case .bigInteger(let digits): out += digits
        case .string(let value): JSONTextWriter.writeString(value, escaping: .lineSeparatorSafe, to: &out)
        case .array(let items):
            JSONTextWriter.writeArray(items, indent: indent, level: level, to: &out) { item, out, level in
                item.write(into: &out, indent: indent, level: level)
            }
        case .object(let pairs):
            JSONTextWriter.writeObject(
                pairs, escaping: .lineSeparatorSafe, indent: indent, level: level, to: &out
            ) { value, out, level in
                value.write(into: &out, indent: indent, level: level)
            }
        }
    }
}
