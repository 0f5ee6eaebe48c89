/// Small helpers for writing the JSON Schema as `JSONValue`s, keeping key order.
enum SchemaBuilder {
    static func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(members)) }

    static func ref(_ name: String, _ description: String) -> JSONValue {
        object([("$ref", .string("#/$defs/\(name)")), ("description", .string(description))])
    }

    static func typed(_ type: String, _ description: String, _ extra: [(String, JSONValue)] = []) -> JSONValue {
        object([("type", .string(type)), ("description", .string(description))] + extra)
    }

    static func types(_ types: [String], _ description: String) -> JSONValue {
        object([("type", .array(types.map(JSONValue.string))), ("description", .string(description))])
    }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    static func enumeration(_ values: [String], _ description: String) -> JSONValue {
        object([("type", "string"), ("enum", strings(values)), ("description", .string(description))])
    }

    static func anyValue(_ description: String) -> JSONValue { object([("description", .string(description))]) }

    static func list(_ items: JSONValue, _ description: String, minItems: Int? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", "array"), ("description", .string(description)), ("items", items),
        ]
        if let minItems { members.append(("minItems", .integer(Int64(minItems)))) }
        return object(members)
    }

    static func map(_ values: JSONValue, _ description: String) -> JSONValue {
        object([("type", "object"), ("description", .string(description)), ("additionalProperties", values)])
    }

    /// A closed object: unknown keys are invalid, as in the loader.
    static func closed(
        _ description: String, _ properties: [(String, JSONValue)], required: [String] = [],
        extra: [(String, JSONValue)] = []
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", "object"), ("description", .string(description)), ("properties", object(properties)),
            ("additionalProperties", false),
        ]
        if !required.isEmpty { members.append(("required", strings(required))) }
        return object(members + extra)
    }

    static func oneOf(_ description: String, _ choices: [JSONValue]) -> JSONValue {
        object([("description", .string(description)), ("oneOf", .array(choices))])
    }

    static func anyOf(_ description: String, _ choices: [JSONValue]) -> JSONValue {
        object([("description", .string(description)), ("anyOf", .array(choices))])
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A bool value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer value.
    public init(integerLiteral value: Int64) { self = .integer(value) }
}
