import ScenarioLanguage

/// What a step's `step_start` event records — its path, connection and fields — worked out once per list of steps
/// rather than on every pass through a `repeat` body.
struct StepHeading {
    /// The step path (`"3"`, `"3.1"`).
    let path: String
    /// The connection the step acts on, if any.
    let connection: String?
    /// `kind`, `name` (if any), `line`, and `file` when the step comes from another file (an include).
    var fields: [(String, OutputJSON)] { lines.fields }
    /// The step's transcript lines, encoded once.
    let lines: TranscriptStepLines

    init(_ step: Step, path: String, scenarioFile: String) {
        var fields: [(String, OutputJSON)] = [("kind", .string(step.kind.keyword))]
        if let name = step.name { fields.append(("name", .string(name))) }
        fields.append(("line", .int(step.location.line)))
        if step.location.file != scenarioFile { fields.append(("file", .string(step.location.file))) }
        self.path = path
        self.connection = step.kind.connection
        lines = TranscriptStepLines(path: path, connection: connection, fields: fields)
    }

    /// The headings of `steps`, whose paths start with `prefix` (`""` at the top level, `"3."` inside step 3).
    static func list(_ steps: [Step], prefix: String, scenarioFile: String) -> [StepHeading] {
        steps.enumerated().map { index, step in
            StepHeading(step, path: prefix + String(index), scenarioFile: scenarioFile)
        }
    }
}
