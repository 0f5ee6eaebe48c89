/// One segment of a JSONPath query: `[...]`/`.name` (child) or `..[...]`/`..name` (descendant).
public enum JSONPathSegment: Sendable {
    /// Selects from the children of the current nodes.
    case child([JSONPathSelector])
    /// Selects from the current nodes and all their descendants.
    case descendant([JSONPathSelector])
}
