/// What a data message must look like (`expect_message`, `expect_messages` items, `ignore` entries).
public enum MessageMatcher: Sendable {
    /// `text:` (and the short form): a text message exactly equal to the rendered template.
    case text(Template)
    /// `regex:`: a text message the expression matches somewhere (unanchored; use `^...$` to anchor).
    case regex(CompiledRegex)
    /// `contains:`: a text message containing the rendered template.
    case contains(Template)
    /// `json:`: a text message holding JSON that contains the pattern (extra object keys are fine).
    case json(JSONPattern)
    /// `json_exact:`: a text message holding JSON equal to the pattern (loose tags still apply).
    case jsonExact(JSONPattern)
    /// `binary:`: a binary message with these bytes (or starting with them).
    case binary(BinaryPattern)
    /// `jsonpath:`: a JSON text message where every path's value matches its pattern.
    case jsonPath([JSONPathExpectation])
}

/// Expected bytes of a binary message.
public enum BinaryPattern: Sendable, Equatable {
    /// `hex:` or `base64:`: exactly these bytes.
    case exact([UInt8])
    /// `prefix_hex:`: the message starts with these bytes.
    case prefix([UInt8])
    /// `hex:`, `base64:` or (`prefix: true`) `prefix_hex:` with placeholders, decoded when the step runs.
    case encoded(EncodedBytes, prefix: Bool)
}

/// One `"$.path": expected` entry of a `jsonpath:` matcher.
public struct JSONPathExpectation: Sendable {
    /// The query.
    public var path: JSONPath
    /// What the selected value must match (`!absent`: the query selects nothing).
    public var pattern: JSONPattern

    /// Creates an entry.
    public init(path: JSONPath, pattern: JSONPattern) {
        self.path = path
        self.pattern = pattern
    }
}
