/// Types a YAML scalar carrying an explicit standard tag (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`).
enum StandardTagValue {
    /// The value of `text` under `tag`, or a description of why it does not fit.
    static func value(_ text: String, tag: String) -> Result<JSONValue, Mismatch> {
        switch tag {
        case "str":
            return .success(.string(text))
        case "int":
            guard let value = integer(text) else { return .failure(Mismatch("'\(text)' is not an integer (!!int)")) }
            return .success(.integer(value))
        case "float":
            guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
                return .failure(Mismatch("'\(text)' is not a finite number (!!float)"))
            }
            return .success(.number(value))
        case "bool":
            switch text {
            case "true", "True", "TRUE": return .success(.bool(true))
            case "false", "False", "FALSE": return .success(.bool(false))
            default: return .failure(Mismatch("'\(text)' is not true or false (!!bool)"))
            }
        case "null":
            guard ["", "~", "null", "Null", "NULL"].contains(text) else {
                return .failure(Mismatch("'\(text)' is not null (!!null takes null, ~ or nothing)"))
            }
            return .success(.null)
        case "map", "seq":
            return .failure(Mismatch("!!\(tag) needs a \(tag == "map" ? "mapping" : "list"); found a scalar"))
        default:
            return .failure(Mismatch("unsupported tag '!!\(tag)': use !!str, !!int, !!float, !!bool or !!null"))
        }
    }

    /// Why `node` does not fit its explicit standard tag, or nil when it does (or has none).
    static func mismatch(of node: YAMLNode) -> Mismatch? {
        guard let tag = node.standardTag else { return nil }
        switch node.content {
        case .scalar(let text):
            if case .failure(let problem) = value(text, tag: tag) { return problem }
            return nil
        case .mapping: return collectionMismatch(tag: tag, isMapping: true)
        case .sequence: return collectionMismatch(tag: tag, isMapping: false)
        }
    }

    /// Why a collection does not fit its explicit tag, or nil when it does (or has none).
    static func collectionMismatch(tag: String?, isMapping: Bool) -> Mismatch? {
        guard let tag else { return nil }
        if tag == (isMapping ? "map" : "seq") { return nil }
        return Mismatch("!!\(tag) does not fit \(isMapping ? "a mapping" : "a list")")
    }

    /// Decimal, `0x` hexadecimal and `0o` octal integers, with an optional sign.
    private static func integer(_ text: String) -> Int64? {
        var digits = Substring(text.replacingOccurrences(of: "_", with: ""))
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        var radix = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0o") {
            radix = digits.hasPrefix("0x") ? 16 : 8
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty, let magnitude = Int64(digits, radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// A value that does not fit its tag.
    struct Mismatch: Error, Sendable {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
