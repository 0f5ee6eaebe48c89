@testable import ScenarioLanguage

/// A canonical text form of plan values, for comparing compiled steps in tests.
enum PlanDump {
    static func dump(_ step: Step) -> String {
        "\(step.name ?? "-") " + dump(step.kind)
    }

    static func dump(_ kind: StepKind) -> String {
        var text = ""
        dump(kind, into: &text)
        return text
    }

    // Mirror-based dump: plan types are plain structs and enums; classes (CompiledRegex) print their pattern,
    // and SourceLocation is left out so that the same step written differently compares equal.
    private static func dump(_ value: Any, into text: inout String) {
        if let regex = value as? CompiledRegex { text += "/\(regex.pattern)/\(regex.flags)"; return }
        if value is SourceLocation { return }
        if let template = value as? Template { text += "T(\(template.parts))"; return }
        let mirror = Mirror(reflecting: value)
        if mirror.children.isEmpty { text += "\(value)"; return }
        text += "\(mirror.subjectType)("
        for child in mirror.children {
            text += (child.label ?? "_") + ":"
            dump(child.value, into: &text)
            text += ","
        }
        text += ")"
    }
}
