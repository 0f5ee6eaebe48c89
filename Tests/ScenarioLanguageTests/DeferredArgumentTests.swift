import Testing

@testable import ScenarioLanguage

/// Durations and `repeat` counts written with placeholders are checked as templates and kept for run time.
@Suite struct DeferredArgumentTests {
    @Test func durationsAndTimesWithPlaceholdersAreDeferredToTheirSteps() throws {
        let yaml = """
            name: t
            vars: { t: 200ms, n: 3 }
            steps:
              - connect: { url: "ws://h/", timeout: "${t}" }
              - repeat:
                  times: "${n}"
                  steps:
                    - send: x
                    - expect_message: { text: x, within: "${t}" }
              - wait: ${t}
              - expect_silence: { for: "${t}" }
            """
        let suite = load(yaml)
        #expect(suite.errors.isEmpty, "\(errorHeaders(suite))")
        let steps = try #require(suite.scenarios.first).steps
        #expect(steps.map { $0.deferred.map(\.key) } == [["timeout"], ["times"], ["wait"], ["for"]])
        #expect(steps[1].deferred.first?.expected == .count(0...1_000_000))
        #expect(steps[1].deferred.first?.location.line == 6)
        guard case .repeat(let loop) = steps[1].kind else {
            Issue.record("not a repeat")
            return
        }
        // The nested step keeps its own deferred argument; the repeat's stays on the repeat.
        #expect(loop.steps.map { $0.deferred.map(\.key) } == [[], ["within"]])
        #expect(loop.steps[1].deferred.first?.expected == .duration)
    }

    @Test func placeholdersElsewhereAndUndefinedVariablesAreErrors() {
        let suite = load(
            """
            name: t
            timeout: ${t}
            vars: { t: 1s }
            steps:
              - connect: ws://h/
              - close: { code: "${t}" }
              - expect_message: { text: x, within: "${nope}" }
            """)
        #expect(
            errorHeaders(suite) == [
                "test.yaml:2:10: error: timeout cannot use ${...}: write the duration itself (placeholders work in "
                    + "durations of steps and in repeat times)",
                "test.yaml:6:20: error: code cannot use ${...}: write the number itself (placeholders work in "
                    + "durations of steps and in repeat times)",
                "test.yaml:7:40: error: undefined variable 'nope': define it under vars:, set it with set: or a "
                    + "capture before this step, or pass --var nope=VALUE",
            ])
    }

    @Test func connectionNamesAndEscapedTextsAreNotDeferred() {
        let suite = load(
            """
            name: t
            vars: { who: alice }
            steps:
              - connect: { as: "${who}", url: "ws://h/" }
              - send: { on: "${who}", text: hi }
              - wait: "$${t}"
            """)
        let headers = errorHeaders(suite)
        #expect(
            headers.contains(
                "test.yaml:4:20: error: as cannot use ${...}: a connection's name is written literally, e.g. as: alice")
        )
        #expect(
            headers.contains(
                "test.yaml:5:17: error: on cannot use ${...}: a connection's name is written literally, e.g. on: alice")
        )
        #expect(headers.contains("test.yaml:6:11: error: wait must be a duration; found '$${t}'"), "\(headers)")
    }

    @Test func regexAndJSONPathPlaceholdersAreCheckedAsTemplates() throws {
        let suite = load(
            """
            name: t
            vars: { id: "A-1" }
            steps:
              - connect: ws://h/
              - expect_message: { regex: "^${id}$" }
              - expect_message: { regex: "^${nope}$" }
              - expect_message: { jsonpath: { "$.items[?@.id == '${id}']": 1 } }
              - expect_message: { jsonpath: { "$.items[${missing}]": 1 }, capture: { x: "$.a[${id}]" } }
            """)
        #expect(
            errorHeaders(suite) == [
                "test.yaml:6:30: error: undefined variable 'nope': define it under vars:, set it with set: or a "
                    + "capture before this step, or pass --var nope=VALUE",
                "test.yaml:8:35: error: undefined variable 'missing': define it under vars:, set it with set: or a "
                    + "capture before this step, or pass --var missing=VALUE",
            ])
        #expect(!suite.warnings.contains { $0.message.contains("JSONPath") }, "\(suite.warnings)")
        let steps = try #require(suite.scenarios.first?.steps)
        guard case .expectMessage(let step) = steps[3].kind, case .jsonPath(let entries) = step.matcher else {
            Issue.record("not a jsonpath matcher: \(steps[3].kind)")
            return
        }
        let path = try #require(entries.first?.path)
        #expect(path.template != nil && path.segments.isEmpty, "parsed when the step runs")
        let resolved = try path.resolved { _ in .string("A-1") }
        #expect(resolved.source == "$.items[?@.id == 'A-1']" && resolved.template == nil)
        #expect(resolved.value(in: .array([])) == nil)
        #expect(throws: JSONPathRenderError.self) { try path.resolved { _ in .string("'") } }
    }

    @Test func applyingValuesSetsTheRightArgument() {
        var kind = StepKind.wait(WaitStep(duration: .seconds(1)))
        let applied = kind.apply(duration: .milliseconds(5), to: "wait")
        let wrongKey = kind.apply(duration: .milliseconds(5), to: "within")
        let wrongType = kind.apply(count: 3, to: "times")
        #expect(applied && !wrongKey && !wrongType)
        guard case .wait(let wait) = kind else { return }
        #expect(wait.duration == .milliseconds(5))
        #expect(kind.accepts(deferred: "wait") && !kind.accepts(deferred: "times"))
    }
}
