extension PlanCompiler {
    static let topLevelKeys = ["name", "description", "tags", "vars", "secrets", "timeout", "ignore", "inbox", "steps"]

    /// Compiles one YAML document into a scenario (nil when it is too broken to run; problems are reported).
    func scenario(_ document: YAMLNode, index: Int) -> Scenario? {
        let includeStack = scope.includeStack
        scope = CompileScope()
        scope.includeStack = includeStack  // the scenario's own file: including it again is a cycle
        let errorsBefore = collector.blockingErrorCount
        guard let keys = mapping(document, "a scenario", allowed: Self.topLevelKeys) else { return nil }
        let name = keys["name"].flatMap { string($0.value, "name") }
        if keys["name"] == nil {
            error("a scenario needs a name: add 'name: ...' at the top of the document", document)
        } else if let name, name.allSatisfy(\.isWhitespace), let node = keys["name"]?.value {
            error("a scenario's name must not be empty: it names the scenario in reports and transcripts", node)
        }
        if let node = keys["timeout"]?.value, let timeout = duration(node, "timeout") { scope.timeout = timeout }
        let tags = keys["tags"].flatMap { stringList($0.value, "tags") } ?? []
        let vars = scenarioVariables(keys["vars"]?.value)
        let secrets = keys["secrets"].flatMap { stringList($0.value, "secrets") } ?? []
        var inbox = InboxMode.warn
        if let node = keys["inbox"]?.value, let text = string(node, "inbox") {
            if let mode = InboxMode(rawValue: text) {
                inbox = mode
            } else {
                error("inbox must be warn, strict or off; found '\(text)'", node)
            }
        }
        var ignore: [MessageMatcher] = []
        if let node = keys["ignore"]?.value {
            if let items = node.items {
                ignore = items.compactMap { messageMatcher($0, "an ignore entry") }
            } else {
                error("ignore must be a list of matchers, e.g. - json: { type: heartbeat }", node)
            }
        }
        var steps: [Step] = []
        if let node = keys["steps"]?.value {
            steps = self.steps(node, "steps")
        } else {
            error("a scenario needs steps: add a 'steps:' list", document)
        }
        for site in scope.captureSites where !scope.used.contains(site.name) {
            collector.warning(
                "capture '\(site.name)' is never used: use ${\(site.name)} in a later step or remove it",
                at: site.location)
        }
        if let node = keys["secrets"]?.value {
            for secret in secrets where !scope.defined.contains(secret) {
                warning(
                    "secret '\(secret)' is not defined by vars:, set: or a capture; it is masked only if "
                        + "given with --var \(secret)=...", node)
            }
        }
        let description = keys["description"].flatMap { string($0.value, "description") }
        guard let name, collector.blockingErrorCount == errorsBefore else { return nil }
        let location = keys["name"]?.key.location ?? document.location
        return Scenario(
            name: name, description: description, tags: tags,
            vars: vars, secrets: secrets, timeout: scope.timeout, ignore: ignore, inbox: inbox, steps: steps,
            location: location, documentIndex: index, diagnostics: scope.variableDiagnostics)
    }

    /// Command-line variables the scenario does not declare, then `vars:` with command-line values replacing
    /// them. The undeclared ones come first (they are literals), so that a `vars:` entry can use them:
    /// `url: "${server}/echo"` with `--serve` or `--var server=...`.
    private func scenarioVariables(_ node: YAMLNode?) -> [VariableAssignment] {
        scope.defined.formUnion(commandLineVariables.keys)
        scope.defined.formUnion(Scenario.predeclaredVariables)
        var declared: [VariableAssignment] = []
        if let node { declared = variableAssignments(node, "vars") }
        let declaredNames = Set(declared.map(\.name))
        let undeclared = commandLineVariables.keys.sorted().filter { !declaredNames.contains($0) }.map { name in
            VariableAssignment(name: name, value: JSONTemplate(literal: commandLineVariables[name]!), location: nil)
        }
        return undeclared
            + declared.map { assignment in
                guard let value = commandLineVariables[assignment.name] else { return assignment }
                return VariableAssignment(name: assignment.name, value: JSONTemplate(literal: value), location: nil)
            }
    }
}

extension JSONTemplate {
    /// A template that renders to exactly `value` (no placeholders are interpreted).
    public init(literal value: JSONValue) {
        switch value {
        case .string(let text): self = .string(Template(literal: text))
        case .array(let items): self = .array(items.map(JSONTemplate.init(literal:)))
        case .object(let object):
            self = .object(object.members.map { Member(key: $0.key, value: JSONTemplate(literal: $0.value)) })
        default: self = .value(value)
        }
    }
}
