/// `include`: the steps of another file, run inline after setting its `vars`.
public struct IncludeStep: Sendable {
    /// The included file's path (resolved against the including file).
    public var file: String
    /// Variables to set, in order, before the included steps run: the include's `vars:`.
    public var vars: [VariableAssignment]
    /// The included file's own `vars:` that neither the include nor `--var`/`--vars` set: defaults, set (in order,
    /// after `vars`) only for names that have no value yet, so that a value the caller already has wins.
    public var defaults: [VariableAssignment] = []
    /// The included steps, compiled.
    public var steps: [Step]
}
