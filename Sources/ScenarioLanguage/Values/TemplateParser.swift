/// Why a string's `${...}` placeholders are malformed.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public let description: String
    /// The offset (in Unicode scalars) of the offending `${`.
    public let offset: Int
}

extension Template {
    /// Parses `${name}`, `${env.NAME}`, `${env.NAME:-fallback}` and the built-ins; `$${` is a literal `${`.
    public init(parsing text: String) throws {
        guard text.utf8.contains(UInt8(ascii: "$")) else {
            self.init(literal: text)
            return
        }
        var parts: [Part] = []
        var literal = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "$", index + 2 < scalars.count, scalars[index + 1] == "$", scalars[index + 2] == "{" {
                literal += "${"
                index += 3
                continue
            }
            guard scalar == "$", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                literal.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            guard let close = scalars[(index + 2)...].firstIndex(of: "}") else {
                throw TemplateError(
                    description: "unterminated '${': close it with '}' (write '$${' for a literal '${')",
                    offset: index)
            }
            let body = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
            let reference = try Self.reference(body, offset: index)
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            parts.append(.reference(reference))
            index = close + 1
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.init(parts: parts, source: text)
    }

    /// The built-in placeholders named like variables: `${uuid}` and these always mean the built-in.
    public static let builtInNames: Set<String> = ["uuid", "now_ms", "random_int", "iteration"]

    private static func reference(_ body: String, offset: Int) throws -> TemplateReference {
        switch body {
        case "uuid": return .uuid
        case "now_ms": return .nowMilliseconds
        case "random_int": return .randomInteger
        case "scenario.name": return .scenarioName
        case "iteration": return .iteration
        default: break
        }
        if body.hasPrefix("env.") {
            let rest = body.dropFirst(4)
            var name = Substring(rest)
            var fallback: String?
            if let range = rest.range(of: ":-") {
                name = rest[rest.startIndex..<range.lowerBound]
                fallback = String(rest[range.upperBound...])
            }
            guard isIdentifier(name) else {
                throw TemplateError(
                    description: "invalid environment variable name in '${\(body)}': use ${env.NAME} or "
                        + "${env.NAME:-fallback}", offset: offset)
            }
            if let fallback, fallback.hasPlaceholderOpening {
                throw TemplateError(
                    description: "the fallback in ${env.\(name):-...} is literal text, not a template: write the value "
                        + "itself, or drop ${env...} and override a vars: default with --var", offset: offset)
            }
            return .environment(name: String(name), fallback: fallback)
        }
        guard isIdentifier(Substring(body)) else {
            throw TemplateError(
                description: "invalid placeholder '${\(body)}': a variable name has letters, digits, '_' and '-' "
                    + "(or use ${env.NAME}, ${uuid}, ${now_ms}, ${random_int}, ${scenario.name}, ${iteration})",
                offset: offset)
        }
        return .variable(body)
    }

    /// Whether `name` is a valid variable name: a letter or `_`, then letters, digits, `_` or `-`.
    static func isIdentifier(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }
    }
}
