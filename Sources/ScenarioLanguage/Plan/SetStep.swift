/// `set`: assign variables, in order (later ones may use earlier ones).
public struct SetStep: Sendable {
    /// The assignments.
    public var assignments: [VariableAssignment]
}

/// `name: value` in `vars:`, `set:` or `include` `vars:`; the value is rendered at run time.
public struct VariableAssignment: Sendable {
    /// The variable name.
    public var name: String
    /// The value (strings may use `${...}`; exactly `${x}` keeps `x`'s type).
    public var value: JSONTemplate
    /// Where the name was written (nil for `--var`/`--vars`).
    public var location: SourceLocation?

    /// Creates an assignment.
    public init(name: String, value: JSONTemplate, location: SourceLocation?) {
        self.name = name
        self.value = value
        self.location = location
    }
}
