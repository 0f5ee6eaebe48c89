/// How one scenario ended.
public enum ScenarioStatus: String, Sendable, Equatable {
    case passed
    case failed
    /// Not run: filtered by `--fail-fast`, or never started because the run was interrupted.
    case skipped
    /// Running when SIGINT/SIGTERM arrived.
    case interrupted
}
