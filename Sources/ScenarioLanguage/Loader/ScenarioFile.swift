/// One loaded scenario file and its scenarios (in document order).
public struct ScenarioFile: Sendable {
    /// The path as given on the command line or found while searching a directory.
    public var path: String
    /// Its scenarios that compiled. When the file has errors, those scenarios are still listed; a scenario
    /// whose only errors are undefined variables is listed too, with them in `Scenario.diagnostics`.
    public var scenarios: [Scenario]
    /// Whether the file has at least one error.
    public var hasErrors: Bool
    /// How many scenario documents the file holds, valid or not (`scenarios` lists only those that compiled).
    public var documentCount: Int
}
