extension PlanCompiler {
    func wait(_ value: YAMLNode) -> StepKind? {
        guard value.scalar != nil, !value.isNull else {
            error("wait takes a duration such as 200ms or 2s", value)
            return nil
        }
        return duration(value, "wait").map { .wait(WaitStep(duration: $0)) }
    }

    func set(_ value: YAMLNode) -> StepKind? {
        guard value.pairs != nil, !(value.pairs ?? []).isEmpty else {
            error("set takes a mapping of variable names to values, e.g. { greeting: \"hello ${who}\" }", value)
            return nil
        }
        let assignments = variableAssignments(value, "set")
        return .set(SetStep(assignments: assignments))
    }

    /// `name: value` pairs, each defined for the ones after it.
    func variableAssignments(_ node: YAMLNode, _ what: String) -> [VariableAssignment] {
        guard let pairs = node.pairs else {
            error("\(what) must be a mapping of variable names to values", node)
            return []
        }
        var result: [VariableAssignment] = []
        for pair in pairs {
            if let name = pair.name, !scope.defined.contains(name) { scope.definedLater[name] = pair.key.location.line }
        }
        defer { scope.definedLater = [:] }
        for pair in pairs {
            if let name = pair.name { scope.definedLater[name] = nil }
            guard let name = pair.name, Template.isIdentifier(Substring(name)) else {
                error(
                    "invalid variable name '\(pair.name ?? "")' in \(what): use letters, digits, '_' and '-'", pair.key)
                continue
            }
            warnIfBuiltIn(name, pair.key)
            if let value = jsonTemplate(pair.value, "\(what) '\(name)'") {
                result.append(VariableAssignment(name: name, value: value, location: pair.key.location))
            }
            scope.defined.insert(name)
        }
        return result
    }

    /// Warns when a variable is named like a built-in: `${uuid}` etc. always mean the built-in.
    func warnIfBuiltIn(_ name: String, _ node: YAMLNode) {
        guard Template.builtInNames.contains(name) else { return }
        warning("variable '\(name)' is hidden by the built-in ${\(name)}: rename it", node)
    }

    func repeatSteps(_ value: YAMLNode) -> StepKind? {
        guard let keys = arguments(value, "repeat", allowed: ["times", "steps", "while"], shortKey: nil) else {
            return nil
        }
        if let pair = keys["while"] {
            error("repeat while: is not supported in v1: use times:", pair.key)
            return nil
        }
        let times = require(keys, "times", "repeat", value).flatMap { integer($0, "times", in: 0...1_000_000) }
        guard let stepsNode = require(keys, "steps", "repeat", value) else { return nil }
        scope.repeatDepth += 1
        let nested = steps(stepsNode, "repeat steps")
        scope.repeatDepth -= 1
        guard let times else { return nil }
        return .repeat(RepeatStep(times: times, steps: nested))
    }

    func http(_ value: YAMLNode) -> StepKind? {
        let allowed = ["method", "url", "headers", "json", "body", "expect", "capture", "within", "tls"]
        guard let keys = arguments(value, "http", allowed: allowed, shortKey: "url") else { return nil }
        guard let urlNode = require(keys, "url", "http", value), let url = template(urlNode, "url") else { return nil }
        if let literal = url.literalValue, !(literal.hasPrefix("http://") || literal.hasPrefix("https://")) {
            error("http url must start with http:// or https://; found '\(literal)'", urlNode)
        } else if let literal = url.literalValue, let problem = LiteralURLCheck.problem(literal) {
            error("invalid URL '\(literal)': \(problem)", urlNode)
        }
        let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
        var method = "GET"
        if let node = keys["method"]?.value, let text = string(node, "method") {
            method = text.uppercased()
            if !methods.contains(method) {
                error("unknown HTTP method '\(text)' (use \(methods.joined(separator: ", ")))", node)
            }
        }
        if keys["json"] != nil, let pair = keys["body"] { error("http takes json or body, not both", pair.key) }
        if let pair = keys["tls"], let literal = url.literalValue, literal.lowercased().hasPrefix("http://") {
            warning("tls has no effect on an http:// URL: use https:// (or drop tls:)", pair.key)
        }
        var status: Int?
        if let node = keys["expect"]?.value, let expect = mapping(node, "expect", allowed: ["status"]) {
            status = expect["status"].flatMap { integer($0.value, "status", in: 100...599) }
        }
        let captures = keys["capture"].map { jsonPathCaptures($0.value) } ?? []
        define(captures: captures.map { ($0.name, $0.location) })
        return .http(
            HTTPStep(
                method: method, url: url, headers: keys["headers"].map { headerFields($0.value, "headers") } ?? [],
                json: keys["json"].flatMap { jsonTemplate($0.value, "json") },
                body: keys["body"].flatMap { template($0.value, "body") }, expectedStatus: status, captures: captures,
                within: within(keys), tls: keys["tls"].flatMap { tls($0.value) }))
    }
}
