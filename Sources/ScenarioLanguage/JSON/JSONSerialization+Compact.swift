extension JSONValue {
    /// Compact JSON (no spaces), keys in their order; integral numbers without a fraction.
    public var compactJSON: String {
        var output = ""
        write(to: &output, indent: nil, level: 0)
        return output
    }

    /// Pretty JSON with two-space indentation, keys in their order, and a trailing newline.
    public var prettyJSON: String {
        var output = ""
        write(to: &output, indent: "  ", level: 0)
        return output + "\n"
    }

    private func write(to output: inout String, indent: String?, level: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .bigInteger(let digits): output += digits
        case .number(let value): output += JSONTextWriter.format(value)
        case .string(let value): JSONTextWriter.writeString(value, escaping: .standard, to: &output)
        case .array(let items):
            JSONTextWriter.writeArray(items, indent: indent, level: level, to: &output) { item, output, level in
                item.write(to: &output, indent: indent, level: level)
            }
        case .object(let object):
            let members = object.members.map { ($0.key, $0.value) }
            JSONTextWriter.writeObject(
                members, escaping: .standard, indent: indent, level: level, to: &output
            ) { value, output, level in
                value.write(to: &output, indent: indent, level: level)
            }
        }
    }
}
