/// A JSON document: what messages are parsed into, what captures and variables hold.
///
/// Numbers keep integers exact (`integer`) and everything else as `number`; `3 == 3.0` holds.
/// Objects keep their key order (see `JSONObject`).
public indirect enum JSONValue: Sendable, CustomStringConvertible {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// An integral number that fits in 64 bits.
    case integer(Int64)
    /// An integral number beyond 64 bits, kept exactly as its decimal digits (`-` and digits, no leading zero), so
    /// that it is sent and compared as written (ids such as 12345678901234567890).
    case bigInteger(String)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, in key order.
    case object(JSONObject)

    /// The number as a `Double`, when this is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .bigInteger(let digits): return Double(digits)
        case .number(let value): return value
        default: return nil
        }
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The JSON type name used by `!type`: `string`, `number`, `bool`, `array`, `object` or `null`.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .integer, .bigInteger, .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Whether this is a number with no fractional part.
    public var isIntegral: Bool {
        switch self {
        case .integer, .bigInteger: return true
        case .number(let value): return value.isFinite && value.rounded() == value
        default: return false
        }
    }

    /// The text used when this value is interpolated into a string: a string as itself, anything else as
    /// compact JSON.
    public var interpolationText: String {
        if case .string(let value) = self { return value }
        return compactJSON
    }

    /// Compact JSON.
    public var description: String { compactJSON }
}

extension JSONValue: Equatable {
    /// Structural equality; numbers compare by value (`1 == 1.0`), objects ignore key order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.bigInteger(let a), .bigInteger(let b)): return a == b
        case (.integer, .bigInteger), (.bigInteger, .integer): return false  // different magnitudes
        case (.integer, .number), (.number, .integer), (.number, .number), (.bigInteger, .number),
            (.number, .bigInteger):
            return lhs.doubleValue == rhs.doubleValue
        case (.string(let a), .string(let b)): return ExactText.equal(a, b)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }
}
