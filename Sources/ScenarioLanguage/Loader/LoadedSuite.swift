/// The result of loading scenario files: the files, their scenarios and every diagnostic.
public struct LoadedSuite: Sendable {
    /// The files, in a stable order (paths as given; directories searched in sorted order).
    public var files: [ScenarioFile]
    /// Every error and warning, file by file, in source order.
    public var diagnostics: [Diagnostic]

    /// Creates a suite.
    public init(files: [ScenarioFile], diagnostics: [Diagnostic]) {
        self.files = files
        self.diagnostics = diagnostics
    }

    /// All scenarios of all files, in order.
    public var scenarios: [Scenario] { files.flatMap(\.scenarios) }

    /// The errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The warnings.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Whether anything is invalid (`check` fails then).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The diagnostics that matter when only `selected` runs (or, with `[]`, for listing): every diagnostic
    /// except the scenario-scoped ones (`Scenario.diagnostics`: undefined variables) of scenarios not in
    /// `selected`. Syntax errors and every other problem of any loaded file always stay.
    ///
    /// ```swift
    /// let suite = ScenarioLoader().load(paths: paths, variables: variables)
    /// if suite.hasErrors(for: []) { /* exit 2 with suite.diagnostics */ }
    /// let selected = suite.scenarios.filter { ... }          // --tag, --shard
    /// let relevant = suite.diagnostics(for: selected)
    /// if suite.hasErrors(for: selected) { /* exit 2 with relevant */ }
    /// ```
    public func diagnostics(for selected: [Scenario]) -> [Diagnostic] {
        let selectedKeys = Set(selected.map { ScenarioKey($0) })
        var kept: Set<String> = []
        var dropped: Set<String> = []
        for scenario in scenarios {
            let headers = scenario.diagnostics.map(\.header)
            if selectedKeys.contains(ScenarioKey(scenario)) {
                kept.formUnion(headers)
            } else {
                dropped.formUnion(headers)
            }
        }
        dropped.subtract(kept)
        return diagnostics.filter { !dropped.contains($0.header) }
    }

    /// Whether `diagnostics(for: selected)` holds an error: the run of `selected` must not start then.
    public func hasErrors(for selected: [Scenario]) -> Bool {
        diagnostics(for: selected).contains { $0.severity == .error }
    }

    private struct ScenarioKey: Hashable {
        let file: String
        let documentIndex: Int

        init(_ scenario: Scenario) {
            file = scenario.file
            documentIndex = scenario.documentIndex
        }
    }
}
