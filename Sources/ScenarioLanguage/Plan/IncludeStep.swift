/// `include`: the steps of another file, run inline after setting its `vars`.
public struct IncludeStep: Sendable {
    /// The included file's path (resolved against the including file).
    public var file: String
    /// Variables to set, in order, before the included steps run: the include's `vars:` first, then the
    /// included file's own `vars:` (its defaults) that neither the include nor `--var`/`--vars` set.
    public var vars: [VariableAssignment]
    /// The included steps, compiled.
    public var steps: [Step]
}
