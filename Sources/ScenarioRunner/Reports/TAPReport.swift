/// TAP version 14 (Test Anything Protocol): one test point per scenario (`FILE: NAME`), a YAML diagnostic block
/// for failures (the failing step's message, file and line, the transcript), `# SKIP` for scenarios not run.
public enum TAPReport {
    /// The TAP document for `summary`.
    public static func render(_ summary: RunSummary) -> String {
        var text = "TAP version 14\n1..\(summary.results.count)\n"
        for (index, result) in summary.results.enumerated() {
            text += testPoint(result, number: index + 1)
        }
        if summary.interrupted { text += "# interrupted by a signal\n" }
        text += "# \(summary.passed) passed, \(summary.failed) failed, \(summary.skipped) skipped\n"
        return text
    }

    private static func testPoint(_ result: ScenarioResult, number: Int) -> String {
        let description = escapeDescription("\(result.file): \(result.name)")
        switch result.status {
        case .passed:
            return "ok \(number) - \(description)\n" + diagnostics(result, extra: [])
        case .skipped:
            return "ok \(number) - \(description) # SKIP not run\n"
        case .failed, .interrupted:
            var extra: [(String, String)] = [
                ("message", result.failure?.summary ?? result.status.rawValue),
                ("severity", result.status == .interrupted ? "interrupted" : "fail"),
            ]
            if let failure = result.failure, failure.line > 0 {
                extra += [("file", failure.file), ("line", String(failure.line))]
                if !failure.step.isEmpty { extra.append(("step", failure.step)) }
            }
            return "not ok \(number) - \(description)\n" + diagnostics(result, extra: extra)
        }
    }

    /// The indented YAML block after a test point: `extra`, the duration, the transcript and any warnings.
    private static func diagnostics(_ result: ScenarioResult, extra: [(String, String)]) -> String {
        var fields = extra
        fields.append(("duration_ms", String(Int((result.duration * 1000).rounded()))))
        if let transcript = result.transcriptPath { fields.append(("transcript", transcript)) }
        guard !extra.isEmpty || !result.warnings.isEmpty else { return "" }
        var text = "  ---\n"
        for (key, value) in fields { text += "  \(key): \(yamlScalar(value))\n" }
        if !result.warnings.isEmpty {
            text += "  warnings:\n"
            for warning in result.warnings { text += "    - \(yamlScalar(warning))\n" }
        }
        return text + "  ...\n"
    }

    /// A YAML scalar that keeps `value` exactly: a number as is, anything else double-quoted and escaped.
    static func yamlScalar(_ value: String) -> String {
        if !value.isEmpty, value.allSatisfy(\.isNumber), value.first != "0" || value == "0" { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A description cannot hold `#` (a directive) unescaped, nor a line break.
    static func escapeDescription(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "#", with: "\\#")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
