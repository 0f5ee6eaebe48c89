/// A JSONPath query with placeholders that is not valid once they are rendered.
public struct JSONPathRenderError: Error, CustomStringConvertible {
    /// The query as written.
    public var query: String
    /// The query with the placeholders' values.
    public var rendered: String
    /// Why the rendered query does not parse.
    public var reason: String

    /// What went wrong and what to check.
    public var description: String {
        "the JSONPath \(query) is \(rendered) with its placeholders, which is not valid: \(reason); check the "
            + "values (they are inserted as they are: quote strings yourself, e.g. [?@.name == '${user}'])"
    }
}
