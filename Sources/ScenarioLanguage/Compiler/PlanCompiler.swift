import Foundation

/// Compiles YAML documents into scenarios, reporting every problem to a `DiagnosticCollector`.
///
/// One compiler handles one file; `include:` re-enters it for the included file.
final class PlanCompiler {
    let collector: DiagnosticCollector
    let sources: SourceCache
    let commandLineVariables: [String: JSONValue]
    var scope = CompileScope()
    /// Arguments of the step being compiled that were written with placeholders (see `DeferredArgument`).
    var deferredArguments: [DeferredArgument] = []
    /// How many steps are being compiled (nested steps included): outside any, nothing may be deferred.
    var stepDepth = 0
    /// The directories of the files being compiled (innermost last) for resolving relative paths.
    var directories: [String] = []
    /// Every file included so far (standardised paths).
    var included: Set<String> = []

    init(collector: DiagnosticCollector, sources: SourceCache, commandLineVariables: [String: JSONValue]) {
        self.collector = collector
        self.sources = sources
        self.commandLineVariables = commandLineVariables
    }

    func error(_ message: String, _ node: YAMLNode) {
        collector.error(message, at: node.location)
    }

    func warning(_ message: String, _ node: YAMLNode) {
        collector.warning(message, at: node.location)
    }

    /// Resolves `path` against the directory of the file being compiled.
    func resolve(path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let directory = directories.last, !directory.isEmpty, directory != "." else { return path }
        return (directory as NSString).appendingPathComponent(path)
    }

    /// The mapping's pairs by key, reporting a non-mapping value and unknown keys (with a suggestion).
    func mapping(_ node: YAMLNode, _ context: String, allowed: [String]) -> [String: YAMLPair]? {
        guard let pairs = node.pairs else {
            error(
                "\(context) must be a mapping with the keys \(allowed.joined(separator: ", ")); found \(node.shapeName)",
                node)
            return nil
        }
        var result: [String: YAMLPair] = [:]
        for pair in pairs {
            guard let name = pair.name, pair.key.tag == nil else {
                error("keys of \(context) must be plain names", pair.key)
                continue
            }
            guard allowed.contains(name) else {
                let hint = Suggestion.hint(for: name, in: allowed)
                error(
                    "unknown key '\(name)' in \(context)\(hint) (allowed: \(allowed.joined(separator: ", ")))", pair.key
                )
                continue
            }
            result[name] = pair
        }
        return result
    }

    /// A mapping that must hold exactly one of the `allowed` keys (`binary: { hex: ... }`): that key and its pair,
    /// or nil after reporting the problem.
    func exactlyOne(_ node: YAMLNode, _ context: String, allowed: [String]) -> (key: String, pair: YAMLPair)? {
        guard let keys = mapping(node, context, allowed: allowed) else { return nil }
        guard keys.count == 1, let (key, pair) = keys.first else {
            error("\(context) needs exactly one of \(allowed.joined(separator: ", "))", node)
            return nil
        }
        return (key, pair)
    }

    /// A scalar's text (any scalar: `send: 42` sends "42"); reports lists, mappings, null and tags.
    func string(_ node: YAMLNode, _ what: String, expected: String = "a string") -> String? {
        if let tag = node.tag {
            error(
                "unexpected tag '\(tag)' on \(what): matcher tags only work inside json, json_exact and jsonpath", node)
            return nil
        }
        guard let text = node.scalar else {
            error("\(what) must be \(expected); found \(node.shapeName)", node)
            return nil
        }
        if node.isNull {
            error("\(what) must be \(expected); found null (quote it to mean the text \"\(text)\")", node)
            return nil
        }
        return text
    }

    /// A string with `${...}` placeholders; reports malformed and undefined placeholders.
    func template(_ node: YAMLNode, _ what: String) -> Template? {
        guard let text = string(node, what) else { return nil }
        return template(text: text, node)
    }

    func template(text: String, _ node: YAMLNode) -> Template? {
        do {
            let template = try Template(parsing: text)
            checkReferences(template.references, node)
            return template
        } catch let problem as TemplateError {
            error(problem.description, node)
            return nil
        } catch {
            return nil
        }
    }

    /// Reports undefined variables and misplaced built-ins, and records uses (for unused-capture warnings).
    func checkReferences(_ references: [TemplateReference], _ node: YAMLNode) {
        for reference in references {
            switch reference {
            case .variable(let name):
                scope.used.insert(name)
                guard !scope.defined.contains(name) else { continue }
                if let line = scope.definedLater[name] {
                    let message =
                        "variable '\(name)' is used before it is set at line \(line): entries are set in order, "
                        + "so move '\(name)' above this one"
                    scope.variableDiagnostics.append(
                        collector.addScenarioScoped(Diagnostic(.error, message, at: node.location)))
                    continue
                }
                let known = Array(scope.defined).sorted()
                let hint = Suggestion.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                let message =
                    "undefined variable '\(name)'\(hint): define it under vars:, set it with set: or a "
                    + "capture before this step, or pass --var \(name)=VALUE"
                let diagnostic = collector.addScenarioScoped(Diagnostic(.error, message, at: node.location))
                scope.variableDiagnostics.append(diagnostic)
            case .iteration where scope.repeatDepth == 0:
                error("${iteration} is only defined inside repeat steps", node)
            default:
                continue
            }
        }
    }

    /// A whole number in `range`.
    func integer(_ node: YAMLNode, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, what, expected: "a whole number") else { return nil }
        if text.hasPlaceholderOpening {
            return deferArgument(text, node, what, .count(range)) ? range.lowerBound : nil
        }
        guard node.isPlain || node.standardTag == "int", let value = Int(text) else {
            error("\(what) must be a whole number; found '\(text)'", node)
            return nil
        }
        guard range.contains(value) else {
            error("\(what) must be between \(range.lowerBound) and \(range.upperBound); found \(value)", node)
            return nil
        }
        return value
    }

    /// `true` or `false`.
    func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        guard let text = string(node, what, expected: "true or false") else { return nil }
        if text.contains("${") {
            error("\(what) cannot use ${...}: write true or false itself", node)
            return nil
        }
        switch node.isPlain || node.standardTag == "bool" ? text : "" {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            error("\(what) must be true or false; found '\(text)'", node)
            return nil
        }
    }

    /// A duration: `250ms`, `2s`, `1.5s`, `1m`, or a bare number of seconds.
    func duration(_ node: YAMLNode, _ what: String) -> Duration? {
        guard let text = string(node, what, expected: "a duration such as 250ms or 2s") else { return nil }
        if text.hasPlaceholderOpening {
            return deferArgument(text, node, what, .duration) ? scope.timeout : nil
        }
        guard let duration = DurationParser.parse(text) else {
            error(
                "invalid duration '\(text)' for \(what): write it like 250ms, 2s, 1.5s or 1m (a bare number is seconds)",
                node)
            return nil
        }
        return duration
    }

    /// Records `text` (with placeholders) as an argument of the current step rendered at run time; false (with
    /// an error) where placeholders cannot be used.
    private func deferArgument(_ text: String, _ node: YAMLNode, _ what: String, _ expected: DeferredArgument.Expected)
        -> Bool
    {
        guard stepDepth > 0, DeferredArgument.keys.contains(what) else {
            let kind = expected == .duration ? "duration" : "number"
            error(
                "\(what) cannot use ${...}: write the \(kind) itself (placeholders work in durations of steps "
                    + "and in repeat times)", node)
            return false
        }
        guard let template = template(text: text, node) else { return false }
        guard !template.references.isEmpty else {
            // Only `$${` escapes: the text is what it is, and it is no duration or number.
            error("\(what) must be a \(expected == .duration ? "duration" : "whole number"); found '\(text)'", node)
            return false
        }
        deferredArguments.append(
            DeferredArgument(key: what, template: template, expected: expected, location: node.location))
        return true
    }

    /// A regular expression, compiled once.
    func regex(_ node: YAMLNode, _ what: String) -> CompiledRegex? {
        guard let text = string(node, what) else { return nil }
        return regex(text: text, node, what)
    }

    func regex(text: String, flags: String = "", _ node: YAMLNode, _ what: String) -> CompiledRegex? {
        var text = text
        if text.hasPlaceholderOpening {
            guard let template = template(text: text, node) else { return nil }
            if template.references.isEmpty {
                text = template.literalValue ?? text  // only `$${` escapes
            } else {
                // Compiled when the step runs, with the placeholders' values.
                do {
                    return try CompiledRegex(template: template, flags: flags)
                } catch {
                    self.error("invalid regular expression flags '\(flags)' in \(what)", node)
                    return nil
                }
            }
        }
        do {
            return try CompiledRegex(text, flags: flags)
        } catch {
            self.error(
                "invalid regular expression '\(text)' in \(what): check brackets, parentheses and escapes "
                    + "(in YAML double quotes write \\\\d for \\d)", node)
            return nil
        }
    }

    /// A JSONPath query, parsed once.
    func jsonPath(_ node: YAMLNode, _ what: String) -> JSONPath? {
        guard let text = string(node, what) else { return nil }
        return jsonPath(text: text, node, what)
    }

    func jsonPath(text: String, _ node: YAMLNode, _ what: String) -> JSONPath? {
        var text = text
        if text.hasPlaceholderOpening {
            guard let template = template(text: text, node) else { return nil }
            guard template.references.isEmpty else { return JSONPath(template: template) }  // parsed when run
            text = template.literalValue ?? text  // only `$${` escapes
        }
        do {
            return try JSONPath(text)
        } catch {
            self.error("invalid JSONPath '\(text)' in \(what): \(error) (RFC 9535, e.g. $.items[0].id)", node)
            return nil
        }
    }

    /// A list of strings (a single string counts as a one-element list).
    func stringList(_ node: YAMLNode, _ what: String) -> [String]? {
        if node.scalar != nil { return string(node, what).map { [$0] } }
        guard let items = node.items else {
            error("\(what) must be a list of strings; found \(node.shapeName)", node)
            return nil
        }
        let strings = items.compactMap { string($0, "an entry of \(what)") }
        return strings.count == items.count ? strings : nil
    }
}
