import Foundation
import ScenarioLanguage

extension ScenarioInterpreter {
    /// Renders the scenario's `vars:` in order, then registers the values of `secrets:`.
    func setInitialVariables() throws {
        try assign(scenario.vars)
        registerSecrets()
    }

    /// Renders and sets assignments in order (later ones may use earlier ones).
    func assign(_ assignments: [VariableAssignment]) throws {
        for assignment in assignments {
            let value = try assignment.value.render(using: lookup)
            setVariable(assignment.name, value)
        }
    }

    /// Sets a variable; a secret's value is masked from then on.
    func setVariable(_ name: String, _ value: JSONValue) {
        variables[name] = value
        if scenario.secrets.contains(name) { transcript.addSecrets(secretTexts(value)) }
    }

    private func registerSecrets() {
        var values: [String] = []
        for name in scenario.secrets {
            if let value = variables[name] { values += secretTexts(value) }
        }
        transcript.addSecrets(values)
    }

    func secretTexts(_ value: JSONValue) -> [String] {
        switch value {
        case .null: return []
        case .string(let text): return [text]
        default: return [value.interpolationText]
        }
    }

    /// The value of a placeholder at this point of the run.
    func lookup(_ reference: TemplateReference) throws -> JSONValue {
        switch reference {
        case .variable(let name):
            if let value = variables[name] { return value }
            if let value = dottedLookup(name) { return value }
            throw StepFailure("undefined variable ${\(name)} " + ScenarioInterpreter.undefinedVariableHint(name))
        case .environment(let name, let fallback):
            if let value = environment.variables[name], !(value.isEmpty && fallback != nil) { return .string(value) }
            if let fallback { return .string(fallback) }
            throw StepFailure("environment variable \(name) is not set (write ${env.\(name):-fallback} for a default)")
        case .uuid: return .string(environment.uuid())
        case .nowMilliseconds: return .integer(environment.wallClockMillis())
        case .randomInteger: return .integer(environment.randomInt())
        case .scenarioName: return .string(scenario.name)
        case .iteration:
            guard let iteration = iterations.last else {
                throw StepFailure("${iteration} is only defined inside repeat")
            }
            return .integer(Int64(iteration))
        }
    }

    /// How to define an undefined variable.
    static func undefinedVariableHint(_ name: String) -> String {
        switch name {
        case "server": "(pass --serve to use the built-in server, or --var server=ws://HOST:PORT)"
        case "server_http": "(pass --serve to use the built-in server, or --var server_http=http://HOST:PORT)"
        default: "(define it under vars:, with set:, a capture, or --var \(name)=VALUE)"
        }
    }

    /// `${user.id}`: a member of an object variable (or an index of an array variable).
    private func dottedLookup(_ name: String) -> JSONValue? {
        let parts = name.split(separator: ".").map(String.init)
        guard parts.count > 1, var value = variables[parts[0]] else { return nil }
        for part in parts.dropFirst() {
            switch value {
            case .object(let object):
                guard let member = object[part] else { return nil }
                value = member
            case .array(let items):
                guard let index = Int(part), items.indices.contains(index) else { return nil }
                value = items[index]
            default:
                return nil
            }
        }
        return value
    }

    /// Renders a text template.
    func render(_ template: Template) throws -> String {
        try template.render { try lookup($0).interpolationText }
    }
}
