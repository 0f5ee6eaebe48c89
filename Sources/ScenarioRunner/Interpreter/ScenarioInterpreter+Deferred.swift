import Foundation
import ScenarioLanguage

extension ScenarioInterpreter {
    /// `step` with its placeholder arguments (`within: ${wait}`, `times: "${n}"`) rendered and parsed now.
    func resolvingDeferred(_ step: Step) throws -> Step {
        var resolved = step
        for argument in step.deferred {
            let text = try render(argument.template).trimmingCharacters(in: .whitespaces)
            let written = "'\(argument.template.source)' is '\(text)'"
            switch argument.expected {
            case .duration:
                guard let duration = DurationParser.parse(text) else {
                    throw StepFailure(
                        "\(argument.key): \(written), not a duration (write it like 250ms, 2s, 1.5s or 1m)")
                }
                resolved.kind.apply(duration: duration, to: argument.key)
            case .count(let range):
                guard let count = Int(text), range.contains(count) else {
                    throw StepFailure(
                        "\(argument.key): \(written), not a whole number between \(range.lowerBound) and "
                            + "\(range.upperBound)")
                }
                resolved.kind.apply(count: count, to: argument.key)
            }
        }
        return resolved
    }
}
