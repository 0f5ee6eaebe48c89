/// A JSON value whose strings may hold `${...}` placeholders: the `json:` payload of `send`, `vars:`, `set:`.
public indirect enum JSONTemplate: Sendable {
    /// A non-string scalar (`null`, a bool or a number), used as is.
    case value(JSONValue)
    /// A string; when it is exactly one placeholder, the placeholder's value keeps its type.
    case string(Template)
    /// An array.
    case array([JSONTemplate])
    /// An object, in key order.
    case object([Member])

    /// One key of an object template.
    public struct Member: Sendable {
        /// The key as written.
        public var key: String { keyTemplate.source }
        /// The key, whose `${...}` placeholders are rendered as text.
        public var keyTemplate: Template
        /// The value.
        public var value: JSONTemplate

        /// Creates a member with a literal key.
        public init(key: String, value: JSONTemplate) {
            self.keyTemplate = Template(literal: key)
            self.value = value
        }

        /// Creates a member whose key may hold placeholders.
        public init(keyTemplate: Template, value: JSONTemplate) {
            self.keyTemplate = keyTemplate
            self.value = value
        }

        /// The key with its placeholders rendered.
        public func renderKey(using lookup: (TemplateReference) throws -> JSONValue) rethrows -> String {
            try keyTemplate.render { reference in try lookup(reference).interpolationText }
        }
    }

    /// Renders the template into a JSON value, asking `lookup` for the value of every placeholder.
    /// A string that is exactly `${x}` becomes `x`'s value with its type; other strings interpolate
    /// `JSONValue.interpolationText`.
    public func render(using lookup: (TemplateReference) throws -> JSONValue) rethrows -> JSONValue {
        switch self {
        case .value(let value):
            return value
        case .string(let template):
            if let reference = template.singleReference { return try lookup(reference) }
            return .string(try template.render { try lookup($0).interpolationText })
        case .array(let items):
            return .array(try items.map { try $0.render(using: lookup) })
        case .object(let members):
            var object = JSONObject()
            for member in members {
                object[try member.renderKey(using: lookup)] = try member.value.render(using: lookup)
            }
            return .object(object)
        }
    }

    /// Every placeholder used anywhere inside.
    public var references: [TemplateReference] {
        switch self {
        case .value: return []
        case .string(let template): return template.references
        case .array(let items): return items.flatMap(\.references)
        case .object(let members): return members.flatMap { $0.keyTemplate.references + $0.value.references }
        }
    }

    /// The value when the template has no placeholders.
    public var literalValue: JSONValue? {
        guard references.isEmpty else { return nil }
        return render { _ in .null }
    }
}
