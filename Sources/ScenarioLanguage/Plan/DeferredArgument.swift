/// A duration or `repeat` count written with placeholders (`within: ${wait}`, `times: "${n}"`): checked as a
/// template when the file is checked, rendered and parsed when its step runs.
public struct DeferredArgument: Sendable {
    /// What the rendered text must be.
    public enum Expected: Sendable, Equatable {
        /// A duration such as `250ms` or `2` (seconds).
        case duration
        /// A whole number in this range.
        case count(ClosedRange<Int>)
    }

    /// The argument's key: `within`, `timeout`, `for`, `wait` or `times`.
    public var key: String
    /// The text as written.
    public var template: Template
    /// What it must render to.
    public var expected: Expected
    /// Where it was written.
    public var location: SourceLocation

    /// A deferred argument `key` written as `template` at `location`.
    public init(key: String, template: Template, expected: Expected, location: SourceLocation) {
        self.key = key
        self.template = template
        self.expected = expected
        self.location = location
    }

    /// The step argument keys whose values may be deferred.
    public static let keys: Set<String> = ["within", "timeout", "for", "wait", "times"]
}
