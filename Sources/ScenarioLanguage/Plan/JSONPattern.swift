/// An expected JSON value inside `json:`, `json_exact:` and `jsonpath:` matchers.
///
/// Besides literal values (whose strings may hold `${...}` placeholders) it holds the loose YAML tags
/// `!any`, `!type T`, `!regex "..."` and `!absent`.
public indirect enum JSONPattern: Sendable {
    /// A `null`, bool or number that must be equal (numbers by value).
    case value(JSONValue)
    /// A string that must be equal after rendering; exactly `${x}` compares with `x`'s value and type.
    case string(Template)
    /// An array: same length, each element matching (also under `json:`, arrays match element-wise).
    case array([JSONPattern])
    /// An object: under `json:` the listed keys must match and extra keys are fine; under `json_exact:`
    /// the keys must be exactly these.
    case object([Member])
    /// `!any`: anything, even null (but the key must be present).
    case any
    /// `!type T`: any value of that JSON type.
    case type(JSONTypeName)
    /// `!regex "..."`: a string matching the expression (unanchored).
    case regex(CompiledRegex)
    /// `!absent`: the key must not be present (only meaningful as an object member's value).
    case absent

    /// One key of an object pattern.
    public struct Member: Sendable {
        /// The key as written.
        public var key: String { keyTemplate.source }
        /// The key, whose `${...}` placeholders are rendered as text.
        public var keyTemplate: Template
        /// The expected value.
        public var pattern: JSONPattern

        /// Creates a member with a literal key.
        public init(key: String, pattern: JSONPattern) {
            self.keyTemplate = Template(literal: key)
            self.pattern = pattern
        }

        /// Creates a member whose key may hold placeholders.
        public init(keyTemplate: Template, pattern: JSONPattern) {
            self.keyTemplate = keyTemplate
            self.pattern = pattern
        }

        /// The key with its placeholders rendered.
        public func renderKey(using lookup: (TemplateReference) throws -> JSONValue) rethrows -> String {
            try keyTemplate.render { reference in try lookup(reference).interpolationText }
        }
    }
}

/// The JSON types `!type` accepts.
public enum JSONTypeName: String, Sendable, CaseIterable {
    /// A string.
    case string
    /// Any number.
    case number
    /// A number without a fractional part.
    case integer
    /// `true` or `false`.
    case bool
    /// An array.
    case array
    /// An object.
    case object
    /// `null`.
    case null
}
