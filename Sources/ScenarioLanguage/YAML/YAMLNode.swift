/// A YAML node converted from Yams at once into a `Sendable` value that remembers where every key and value
/// was written. Scalars stay untyped strings (composed with `Resolver.basic`); the compiler types them.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(String)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    var content: Content
    /// An explicit, non-standard tag such as `!any` or `!type` (nil for untagged nodes and `!!str` etc.).
    var tag: String?
    /// Whether a scalar was written plain (not quoted, not a block scalar): only plain scalars are typed
    /// as numbers, bools or null.
    var isPlain: Bool
    var location: SourceLocation
    /// An explicit standard tag, without its `tag:yaml.org,2002:` prefix: `str`, `int`, `float`, `bool`, `null`,
    /// `map`, `seq` (nil when the node has none).
    var standardTag: String? = nil

    var scalar: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }

    var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// Whether this is a plain `null`, `~` or empty scalar.
    var isNull: Bool {
        if standardTag == "null", scalar != nil { return true }
        guard isPlain, tag == nil, standardTag == nil, let text = scalar else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// A short description of the node's shape for messages: `a string`, `a mapping`, `a list`.
    var shapeName: String {
        switch content {
        case .scalar: return isNull ? "null" : "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// A key and its value in a YAML mapping.
struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode

    /// The key's text (non-scalar keys yield nil).
    var name: String? { key.scalar }
}
