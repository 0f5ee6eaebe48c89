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

    /// Whether anything is invalid (a scenario run must not start then).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
