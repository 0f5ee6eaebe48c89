/// What the compiler knows at a point of a scenario: defined variables, open connections, the default
/// timeout and the include chain.
struct CompileScope {
    var timeout: Duration = Scenario.defaultTimeout
    var defined: Set<String> = []
    /// While a `vars:`/`set:` mapping is compiled: its names not defined yet, with their lines (a reference to one
    /// of them is an ordering mistake, not a missing variable).
    var definedLater: [String: Int] = [:]
    var opened: Set<String> = []
    /// Connections closed by `close`/`disconnect` (and where), until connected again.
    var closed: [String: SourceLocation] = [:]
    var repeatDepth = 0
    var includeStack: [String] = []
    var captureSites: [(name: String, location: SourceLocation)] = []
    var used: Set<String> = []
    /// Undefined-variable errors found in this scenario (they belong to it alone).
    var variableDiagnostics: [Diagnostic] = []
}
