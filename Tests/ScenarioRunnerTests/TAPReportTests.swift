import Testing

@testable import ScenarioRunner

/// `--report tap=FILE`: TAP version 14 with a YAML block for failures.
@Suite struct TAPReportTests {
    @Test func passedFailedSkippedAndInterruptedScenarios() {
        var summary = RunSummary(
            results: [
                ScenarioResult(file: "a.yaml", name: "echo #1", status: .passed, duration: 0.0123),
                ScenarioResult(
                    file: "a.yaml", name: "greeting", status: .failed, duration: 0.31,
                    failure: ScenarioFailure(
                        step: "2", stepLabel: "expect_message", file: "a.yaml", line: 6,
                        message: "no message\n  \"late\": 1"),
                    transcriptPath: "t/a/greeting.jsonl", warnings: ["1 unconsumed message(s)"]),
                ScenarioResult(file: "b.yaml", name: "later", status: .skipped, duration: 0),
                ScenarioResult(file: "b.yaml", name: "long", status: .interrupted, duration: 2),
            ], duration: 2.5, interrupted: true)
        summary.reportErrors = []
        #expect(
            TAPReport.render(summary) == """
                TAP version 14
                1..4
                ok 1 - a.yaml: echo \\#1
                not ok 2 - a.yaml: greeting
                  ---
                  message: "step 2 (expect_message) at a.yaml:6: no message\\n  \\"late\\": 1"
                  severity: "fail"
                  file: "a.yaml"
                  line: 6
                  step: 2
                  duration_ms: 310
                  transcript: "t/a/greeting.jsonl"
                  warnings:
                    - "1 unconsumed message(s)"
                  ...
                ok 3 - b.yaml: later # SKIP not run
                not ok 4 - b.yaml: long
                  ---
                  message: "interrupted"
                  severity: "interrupted"
                  duration_ms: 2000
                  ...
                # interrupted by a signal
                # 1 passed, 2 failed, 1 skipped

                """)
    }

    @Test func scalarsStayExact() {
        #expect(TAPReport.yamlScalar("12") == "12")
        #expect(TAPReport.yamlScalar("012") == "\"012\"")
        #expect(TAPReport.yamlScalar("3.1") == "\"3.1\"")
        #expect(TAPReport.yamlScalar("tab\there\u{1}") == "\"tab\\there\\x01\"")
        #expect(TAPReport.escapeDescription("a\\b #c\nd") == "a\\\\b \\#c d")
    }
}
