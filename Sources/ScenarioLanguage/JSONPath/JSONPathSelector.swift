/// One selector inside a JSONPath segment.
public enum JSONPathSelector: Sendable {
    /// `['name']` or `.name`.
    case name(String)
    /// `*`.
    case wildcard
    /// `[3]`, `[-1]`.
    case index(Int)
    /// `[start:end:step]`.
    case slice(start: Int?, end: Int?, step: Int?)
    /// `[?expression]`.
    case filter(JSONPathFilter)
}
