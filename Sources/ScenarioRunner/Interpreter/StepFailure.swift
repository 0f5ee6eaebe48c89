/// A step did not pass: the explanation (what was expected, what actually happened).
struct StepFailure: Error, Sendable {
    var message: String

    init(_ message: String) { self.message = message }
}

/// The run was interrupted (SIGINT/SIGTERM): the scenario stops where it is.
struct ScenarioInterrupted: Error, Sendable {}

/// A failed step, carried up through nested steps so every level can report its remaining steps skipped.
struct ScenarioAborted: Error, Sendable {
    var failure: ScenarioFailure
    var interrupted: Bool
}
