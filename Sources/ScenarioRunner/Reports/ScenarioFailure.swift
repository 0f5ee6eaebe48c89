/// Why a scenario failed: the failing step (path such as `"3"` or `"3.1"`), its line, and the reason.
public struct ScenarioFailure: Sendable, Equatable {
    /// The step path, `"3"` or `"3.1"`; empty when the failure is not tied to a step.
    public var step: String
    /// A short description of the step: its kind (`expect_message`), its `name:` in quotes if it has one, the
    /// connection when not `default`, the iteration inside `repeat` (`expect_message "greeting" on bob,
    /// iteration 2 of 3`).
    public var stepLabel: String
    /// The step's kind (`expect_message`), empty when the failure is not tied to a step.
    public var stepKind: String
    /// The file the step was written in (an included file for included steps).
    public var file: String
    /// 1-based line of the step, 0 when unknown.
    public var line: Int
    /// What was expected and what actually happened (multi-line).
    public var message: String

    public init(step: String, stepLabel: String, stepKind: String = "", file: String, line: Int, message: String) {
        self.step = step
        self.stepLabel = stepLabel
        self.stepKind = stepKind
        self.file = file
        self.line = line
        self.message = message
    }

    /// `step 3 (expect_message) at file.yaml:12: reason`.
    public var summary: String {
        var text = step.isEmpty ? "" : "step \(step) (\(stepLabel))"
        if line > 0 { text += (text.isEmpty ? "" : " ") + "at \(file):\(line)" }
        return text.isEmpty ? message : text + ": " + message
    }
}
