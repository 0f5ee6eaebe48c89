/// `expect_message`: wait for a data message that matches, consume it, and capture parts of it.
public struct ExpectMessageStep: Sendable {
    /// The connection.
    public var connection: String
    /// What the message must look like.
    public var matcher: MessageMatcher
    /// How long to wait (the scenario timeout unless given).
    public var within: Duration
    /// true: the next unconsumed message must match.
    public var ordered: Bool
    /// `capture:` — variables set from JSONPath queries into the matched message.
    public var captures: [JSONPathCapture]
    /// `capture_regex:` — variables set from the first group of a regex over the message text.
    public var regexCaptures: [RegexCapture]
}

/// A `capture:` entry: `name: $.path`.
public struct JSONPathCapture: Sendable {
    /// The variable to set.
    public var name: String
    /// The query; selecting nothing fails the step.
    public var path: JSONPath
    /// Where the entry was written.
    public var location: SourceLocation
}

/// A `capture_regex:` entry: `name: "count=(\\d+)"`.
public struct RegexCapture: Sendable {
    /// The variable to set (to a string).
    public var name: String
    /// The expression; its first group (or whole match) is captured; no match fails the step.
    public var regex: CompiledRegex
    /// Where the entry was written.
    public var location: SourceLocation
}
