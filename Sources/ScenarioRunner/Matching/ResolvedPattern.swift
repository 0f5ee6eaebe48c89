import ScenarioLanguage

/// A `JSONPattern` with its templates rendered once (so `${uuid}` and friends are fixed for the step).
indirect enum ResolvedPattern: Sendable {
    case equals(JSONValue)
    case array([ResolvedPattern])
    case object([(String, ResolvedPattern)])
    case any
    case type(JSONTypeName)
    case regex(CompiledRegex)
    case absent

    /// Renders every template of `pattern` with `lookup`.
    init(_ pattern: JSONPattern, lookup: (TemplateReference) throws -> JSONValue) throws {
        switch pattern {
        case .value(let value): self = .equals(value)
        case .string(let template):
            if let reference = template.singleReference {
                self = .equals(try lookup(reference))
            } else {
                self = .equals(.string(try template.render { try lookup($0).interpolationText }))
            }
        case .array(let items): self = .array(try items.map { try ResolvedPattern($0, lookup: lookup) })
        case .object(let members):
            self = .object(
                try members.map { member in
                    (try member.renderKey(using: lookup), try ResolvedPattern(member.pattern, lookup: lookup))
                })
        case .any: self = .any
        case .type(let name): self = .type(name)
        case .regex(let regex): self = .regex(try regex.resolved(using: lookup))
        case .absent: self = .absent
        }
    }

    /// The differences between `actual` (nil: absent) and this pattern, as `path: expected ..., got ...`
    /// lines; empty when it matches. `exact` forbids extra object keys.
    func mismatches(_ actual: JSONValue?, path: String = "$", exact: Bool) -> [String] {
        switch self {
        case .absent:
            guard let actual else { return [] }
            return ["\(path): expected to be absent, got \(ResolvedPattern.show(actual))"]
        case .any:
            return actual == nil ? ["\(path): expected a value (!any), but it is missing"] : []
        default:
            break
        }
        guard let actual else { return ["\(path): expected \(description), but it is missing"] }
        switch self {
        case .equals(let expected):
            if case .object = expected, case .object = actual, !exact {
                // A literal object from a variable: subset semantics like any other `json:` object.
                return ResolvedPattern.literal(expected).mismatches(actual, path: path, exact: exact)
            }
            return expected == actual
                ? [] : ["\(path): expected \(ResolvedPattern.show(expected)), got \(ResolvedPattern.show(actual))"]
        case .type(let name):
            return ResolvedPattern.hasType(actual, name)
                ? [] : ["\(path): expected !type \(name.rawValue), got \(ResolvedPattern.show(actual))"]
        case .regex(let regex):
            if case .string(let text) = actual {
                if regex.matches(text) { return [] }
                if regex.gaveUp(on: text) { return ["\(path): the string \(regex.mismatchReason(text))"] }
            }
            return ["\(path): expected a string matching \(regex), got \(ResolvedPattern.show(actual))"]
        case .array(let items):
            guard case .array(let values) = actual else {
                return ["\(path): expected an array, got \(ResolvedPattern.show(actual))"]
            }
            guard values.count == items.count else {
                return [
                    "\(path): expected an array of \(items.count) items, "
                        + "got \(values.count): \(ResolvedPattern.show(actual))"
                ]
            }
            return zip(items, values).enumerated().flatMap { index, pair in
                pair.0.mismatches(pair.1, path: "\(path)[\(index)]", exact: exact)
            }
        case .object(let members):
            guard case .object(let object) = actual else {
                return ["\(path): expected an object, got \(ResolvedPattern.show(actual))"]
            }
            var result: [String] = []
            for (key, pattern) in members {
                result += pattern.mismatches(object[key], path: ResolvedPattern.child(path, key), exact: exact)
            }
            if exact {
                let expected = members.map(\.0)
                for key in object.keys where !expected.contains(where: { ExactText.equal($0, key) }) {
                    result.append(
                        "\(ResolvedPattern.child(path, key)): unexpected key with \(ResolvedPattern.show(object[key]!))"
                    )
                }
            }
            return result
        case .any, .absent:
            return []
        }
    }

    /// Whether `actual` (nil: absent) matches: the same verdict as `mismatches(actual, exact:).isEmpty`, without
    /// building the descriptions.
    func matches(_ actual: JSONValue?, exact: Bool) -> Bool {
        switch self {
        case .absent: return actual == nil
        case .any: return actual != nil
        default: break
        }
        guard let actual else { return false }
        switch self {
        case .equals(let expected):
            if case .object = expected, case .object = actual, !exact {
                return ResolvedPattern.literal(expected).matches(actual, exact: exact)
            }
            return expected == actual
        case .type(let name):
            return ResolvedPattern.hasType(actual, name)
        case .regex(let regex):
            if case .string(let text) = actual { return regex.matches(text) }
            return false
        case .array(let items):
            guard case .array(let values) = actual, values.count == items.count else { return false }
            return zip(items, values).allSatisfy { $0.matches($1, exact: exact) }
        case .object(let members):
            guard case .object(let object) = actual else { return false }
            guard members.allSatisfy({ key, pattern in pattern.matches(object[key], exact: exact) }) else {
                return false
            }
            guard exact else { return true }
            let expected = members.map(\.0)
            return object.keys.allSatisfy { key in expected.contains { ExactText.equal($0, key) } }
        case .any, .absent:
            return true
        }
    }

    /// What this pattern expects, for messages.
    var description: String {
        switch self {
        case .equals(let value): return ResolvedPattern.show(value)
        case .array: return "an array"
        case .object: return "an object"
        case .any: return "!any"
        case .type(let name): return "!type \(name.rawValue)"
        case .regex(let regex): return "!regex \(regex)"
        case .absent: return "!absent"
        }
    }

    /// The pattern equal to a literal value (objects and arrays as structures, for subset matching).
    static func literal(_ value: JSONValue) -> ResolvedPattern {
        switch value {
        case .object(let object): return .object(object.members.map { ($0.key, literal($0.value)) })
        case .array(let items): return .array(items.map(literal))
        default: return .equals(value)
        }
    }

    static func hasType(_ value: JSONValue, _ name: JSONTypeName) -> Bool {
        switch name {
        case .integer: return value.isIntegral
        default: return value.typeName == name.rawValue
        }
    }

    static func child(_ path: String, _ key: String) -> String {
        let simple = key.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0))
        }
        return simple && !key.isEmpty ? "\(path).\(key)" : "\(path)[\(OutputJSON.string(key).serialized())]"
    }

    static func show(_ value: JSONValue) -> String {
        let text = value.description
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
