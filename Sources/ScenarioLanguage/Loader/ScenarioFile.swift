/// One loaded scenario file and its scenarios (in document order).
public struct ScenarioFile: Sendable {
    /// The path as given on the command line or found while searching a directory.
    public var path: String
    /// Its valid scenarios. When the file has errors, the scenarios that compiled are still listed.
    public var scenarios: [Scenario]
    /// Whether the file has at least one error.
    public var hasErrors: Bool
}
