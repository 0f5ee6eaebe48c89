/// An RFC 9535 JSONPath query, parsed once at load time.
///
/// Supports names, indices, wildcards, slices, descendants (`..`) and filters (`?@.price < 10`,
/// `&&`, `||`, `!`, existence tests, and the functions `length`, `count`, `match`, `search`, `value`).
public struct JSONPath: Sendable, CustomStringConvertible {
    /// The query as written.
    public let source: String
    /// The segments after the root `$`.
    public let segments: [JSONPathSegment]

    /// The query's placeholders, when it has some (`$.items[${i}]`): it is parsed by `resolved(using:)` when its
    /// step runs; until then `segments` is empty.
    public let template: Template?

    /// Parses `source`; throws `JSONPathError` with the offending offset when it is not a valid query.
    public init(_ source: String) throws {
        self.source = source
        var parser = JSONPathParser(source)
        self.segments = try parser.parseQuery()
        self.template = nil
    }

    /// Creates a query from parsed segments.
    public init(source: String, segments: [JSONPathSegment]) {
        self.source = source
        self.segments = segments
        self.template = nil
    }

    /// A query with placeholders, parsed when its step runs.
    public init(template: Template) {
        self.source = template.source
        self.segments = []
        self.template = template
    }

    /// This query, or for a query with placeholders the one parsed from the rendered text (values are inserted
    /// as they are, not quoted); throws `JSONPathRenderError` when the result is not a valid query.
    public func resolved(using lookup: (TemplateReference) throws -> JSONValue) throws -> JSONPath {
        guard let template else { return self }
        let rendered = try template.render { try lookup($0).interpolationText }
        do {
            return try JSONPath(rendered)
        } catch {
            throw JSONPathRenderError(query: source, rendered: rendered, reason: "\(error)")
        }
    }

    /// The nodes the query selects in `document`, in document order.
    public func select(in document: JSONValue) -> [JSONValue] {
        JSONPathEvaluator(root: document).evaluate(segments, from: [document])
    }

    /// What the query stands for in a match or capture: nil when it selects nothing, the node when it
    /// selects exactly one, an array of the nodes when it selects several.
    public func value(in document: JSONValue) -> JSONValue? {
        let nodes = select(in: document)
        switch nodes.count {
        case 0: return nil
        case 1: return nodes[0]
        default: return .array(nodes)
        }
    }

    /// The query as written.
    public var description: String { source }
}
