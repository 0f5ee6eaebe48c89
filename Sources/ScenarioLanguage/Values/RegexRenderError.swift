/// A regular expression with placeholders that is not valid once they are rendered.
public struct RegexRenderError: Error, CustomStringConvertible {
    /// The pattern as written.
    public var pattern: String
    /// The pattern with the placeholders' values.
    public var rendered: String

    /// What went wrong and what to check.
    public var description: String {
        "the regular expression /\(pattern)/ is /\(rendered)/ with its placeholders, which is not valid: "
            + "check the values (they are inserted as they are, not escaped)"
    }
}
