/// The JSON report: `{summary: {passed, failed, skipped, duration}, scenarios: [{file, name, status, duration,
/// failure?: {step, line, message}, transcript}]}` (see `schemas/report.schema.json`).
public enum JSONReport {
    /// The report document for `summary`.
    public static func render(_ summary: RunSummary) -> String {
        json(summary).pretty() + "\n"
    }

    /// The report as a JSON value.
    public static func json(_ summary: RunSummary) -> OutputJSON {
        let counts: [(String, OutputJSON)] = [
            ("passed", .int(summary.passed)), ("failed", .int(summary.failed)), ("skipped", .int(summary.skipped)),
            ("duration", .double(rounded(summary.duration))), ("interrupted", .bool(summary.interrupted)),
        ]
        return .object([("summary", .object(counts)), ("scenarios", .array(summary.results.map(scenario)))])
    }

    private static func scenario(_ result: ScenarioResult) -> OutputJSON {
        var pairs: [(String, OutputJSON)] = [
            ("file", .string(result.file)), ("name", .string(result.name)), ("status", .string(result.status.rawValue)),
            ("duration", .double(rounded(result.duration))),
        ]
        if let failure = result.failure {
            pairs.append(
                (
                    "failure",
                    .object(
                        [
                            ("step", failure.step.isEmpty ? .null : TranscriptEvent.stepJSON(failure.step)),
                            ("line", .int(failure.line)),
                            ("message", .string(failure.message)), ("file", .string(failure.file)),
                        ]
                            + (failure.stepKind.isEmpty ? [] : [("step_kind", .string(failure.stepKind))])
                            + [("step_label", .string(failure.stepLabel))])
                ))
        } else if result.status == .interrupted {
            pairs.append(
                ("failure", .object([("step", .null), ("line", .int(0)), ("message", .string("interrupted"))])))
        }
        pairs.append(("transcript", result.transcriptPath.map { .string($0) } ?? .null))
        if !result.warnings.isEmpty { pairs.append(("warnings", .array(result.warnings.map { .string($0) }))) }
        return .object(pairs)
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
