/// The results of a whole run.
public struct RunSummary: Sendable {
    public var results: [ScenarioResult]
    /// Wall-clock seconds for the whole run.
    public var duration: Double
    /// Whether the run was interrupted by SIGINT/SIGTERM.
    public var interrupted: Bool
    /// Reports that could not be written (`wscenario run` then exits with status 2).
    public var reportErrors: [String] = []

    public init(results: [ScenarioResult], duration: Double, interrupted: Bool = false) {
        self.results = results
        self.duration = duration
        self.interrupted = interrupted
    }

    public var passed: Int { results.filter { $0.status == .passed }.count }
    /// Failed and interrupted scenarios.
    public var failed: Int { results.filter { $0.status == .failed || $0.status == .interrupted }.count }
    public var skipped: Int { results.filter { $0.status == .skipped }.count }
    /// Whether every scenario passed.
    public var allPassed: Bool { failed == 0 && !interrupted }
}
