/// Compact JSON text for the server's own messages, keys in the order given.
enum JSONText {
    /// A JSON value the server writes.
    enum Value {
        case string(String)
        case strings([String])
    }

    static func object(_ members: KeyValuePairs<String, Value>) -> String {
        let body = members.map { key, value in "\(quoted(key)):\(render(value))" }
        return "{" + body.joined(separator: ",") + "}"
    }

    private static func render(_ value: Value) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .strings(let texts): return "[" + texts.map(quoted).joined(separator: ",") + "]"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
