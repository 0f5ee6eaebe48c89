extension PlanCompiler {
    /// Types a plain scalar the way JSON would: null, true/false, integers and decimal numbers; anything
    /// else (including `08`, `1:30`, `yes`) stays a string. Quoted scalars are always strings.
    static func typedScalar(_ node: YAMLNode) -> JSONValue? {
        guard let text = node.scalar else { return nil }
        if let tag = node.standardTag { return try? StandardTagValue.value(text, tag: tag).get() }
        guard node.isPlain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let first = text.utf8.first, first == UInt8(ascii: "-") || (first >= 48 && first <= 57),
            case .some(let number) = try? JSONValue(parsing: text), number.doubleValue != nil
        {
            return number
        }
        return .string(text)
    }

    /// Reports an explicit standard tag (`!!int` ...) that does not fit the node; false when it was reported.
    func standardTagFits(_ node: YAMLNode, _ what: String) -> Bool {
        guard let mismatch = StandardTagValue.mismatch(of: node) else { return true }
        error("\(mismatch.message) in \(what)", node)
        return false
    }

    /// A JSON value with `${...}` placeholders in its strings (payloads, vars, set).
    func jsonTemplate(_ node: YAMLNode, _ what: String) -> JSONTemplate? {
        if let tag = node.tag {
            error(
                "unexpected tag '\(tag)' in \(what): matcher tags (!any, !type, !regex, !absent) only work in "
                    + "expectations", node)
            return nil
        }
        guard standardTagFits(node, what) else { return nil }
        switch node.content {
        case .scalar:
            guard let value = Self.typedScalar(node) else { return nil }
            if case .string(let text) = value {
                return template(text: text, node).map(JSONTemplate.string)
            }
            return .value(value)
        case .sequence(let items):
            let converted = items.compactMap { jsonTemplate($0, what) }
            return converted.count == items.count ? .array(converted) : nil
        case .mapping(let pairs):
            let members = objectMembers(pairs, what) { jsonTemplate($0, what) }
            return members.map { .object($0.map { .init(keyTemplate: $0.key, value: $0.value) }) }
        }
    }

    /// A JSON pattern: like a JSON template, plus the loose tags `!any`, `!type T`, `!regex "..."`, `!absent`.
    func jsonPattern(_ node: YAMLNode, _ what: String, allowAbsent: Bool = false) -> JSONPattern? {
        if let tag = node.tag { return taggedPattern(tag, node, what, allowAbsent: allowAbsent) }
        guard standardTagFits(node, what) else { return nil }
        switch node.content {
        case .scalar:
            guard let value = Self.typedScalar(node) else { return nil }
            if case .string(let text) = value {
                return template(text: text, node).map(JSONPattern.string)
            }
            return .value(value)
        case .sequence(let items):
            let converted = items.compactMap { jsonPattern($0, what) }
            return converted.count == items.count ? .array(converted) : nil
        case .mapping(let pairs):
            let members = objectMembers(pairs, what) { jsonPattern($0, what, allowAbsent: true) }
            return members.map { .object($0.map { .init(keyTemplate: $0.key, pattern: $0.value) }) }
        }
    }

    /// The members of a mapping in a JSON template or pattern: each key a template, each value converted by
    /// `convert` (not tried when its key is not a valid template); nil after every problem has been reported.
    private func objectMembers<Value>(
        _ pairs: [YAMLPair], _ what: String, _ convert: (YAMLNode) -> Value?
    ) -> [(key: Template, value: Value)]? {
        var members: [(key: Template, value: Value)] = []
        var ok = true
        for pair in pairs {
            guard let key = pair.name else {
                error("keys in \(what) must be strings", pair.key)
                ok = false
                continue
            }
            if let keyTemplate = template(text: key, pair.key), let value = convert(pair.value) {
                members.append((keyTemplate, value))
            } else {
                ok = false
            }
        }
        return ok ? members : nil
    }

    private func taggedPattern(_ tag: String, _ node: YAMLNode, _ what: String, allowAbsent: Bool) -> JSONPattern? {
        let text = node.scalar
        switch tag {
        case "!any":
            guard text == "" else {
                error("!any takes no value: write '!any' alone", node)
                return nil
            }
            return .any
        case "!absent":
            guard text == "" else {
                error("!absent takes no value: write '!absent' alone", node)
                return nil
            }
            guard allowAbsent else {
                error("!absent only works as the value of an object key or a jsonpath entry", node)
                return nil
            }
            return .absent
        case "!type":
            let names = JSONTypeName.allCases.map(\.rawValue)
            guard let text, let type = JSONTypeName(rawValue: text) else {
                let found = text.map { "'\($0)'" } ?? node.shapeName
                error(
                    "!type needs one of \(names.joined(separator: ", ")); found \(found)"
                        + Suggestion.hint(for: text ?? "", in: names), node)
                return nil
            }
            return .type(type)
        case "!regex":
            guard let text, !text.isEmpty else {
                error("!regex needs a pattern: !regex \"^a+$\"", node)
                return nil
            }
            return regex(text: text, node, "!regex").map(JSONPattern.regex)
        default:
            let tags = ["!any", "!type", "!regex", "!absent"]
            error(
                "unknown tag '\(tag)' in \(what)\(Suggestion.hint(for: tag, in: tags)) "
                    + "(matcher tags: \(tags.joined(separator: ", ")))", node)
            return nil
        }
    }
}
