/// A JSONPath filter expression (RFC 9535 §2.3.5).
public indirect enum JSONPathFilter: Sendable {
    /// `a || b || ...`.
    case or([JSONPathFilter])
    /// `a && b && ...`.
    case and([JSONPathFilter])
    /// `!a`.
    case not(JSONPathFilter)
    /// `left op right`.
    case comparison(JSONPathOperand, JSONPathComparison, JSONPathOperand)
    /// An existence test (`@.name`) or a logical function call (`match(...)`).
    case test(JSONPathOperand)
}

/// A comparison operator in a filter.
public enum JSONPathComparison: String, Sendable {
    /// `==`.
    case equal = "=="
    /// `!=`.
    case notEqual = "!="
    /// `<`.
    case less = "<"
    /// `<=`.
    case lessOrEqual = "<="
    /// `>`.
    case greater = ">"
    /// `>=`.
    case greaterOrEqual = ">="
}

/// A value inside a filter: a literal, a query relative to `@` or `$`, or a function call.
public indirect enum JSONPathOperand: Sendable {
    /// A literal (string, number, `true`, `false`, `null`).
    case literal(JSONValue)
    /// `@...` (relative) or `$...` (absolute).
    case query(relative: Bool, segments: [JSONPathSegment])
    /// `length(...)`, `count(...)`, `match(...)`, `search(...)`, `value(...)`.
    case function(name: String, arguments: [JSONPathFunctionArgument])
}

/// An argument of a filter function.
public indirect enum JSONPathFunctionArgument: Sendable {
    /// A value (literal, query or nested function).
    case operand(JSONPathOperand)
    /// A logical expression.
    case filter(JSONPathFilter)
    /// A literal regular expression argument of `match`/`search`, compiled once at parse time.
    case regex(CompiledRegex)
}
