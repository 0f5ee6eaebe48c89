import Foundation
import ScenarioLanguage

/// A `MessageMatcher` with its templates rendered for one step; decides whether an inbox message matches and
/// explains why not.
enum ResolvedMatcher: Sendable {
    case text(String)
    case regex(CompiledRegex)
    case contains(String)
    case json(ResolvedPattern, exact: Bool)
    /// Exactly these bytes, or (`prefix`) bytes starting with them.
    case binary([UInt8], prefix: Bool)
    case jsonPath([(JSONPath, ResolvedPattern)])

    init(_ matcher: MessageMatcher, lookup: (TemplateReference) throws -> JSONValue) throws {
        func text(_ template: Template) throws -> String {
            try template.render { try lookup($0).interpolationText }
        }
        switch matcher {
        case .text(let template): self = .text(try text(template))
        case .regex(let regex): self = .regex(try regex.resolved(using: lookup))
        case .contains(let template): self = .contains(try text(template))
        case .json(let pattern): self = .json(try ResolvedPattern(pattern, lookup: lookup), exact: false)
        case .jsonExact(let pattern): self = .json(try ResolvedPattern(pattern, lookup: lookup), exact: true)
        case .binary(.exact(let bytes)): self = .binary(bytes, prefix: false)
        case .binary(.prefix(let bytes)): self = .binary(bytes, prefix: true)
        case .binary(.encoded(let encoded, let prefix)):
            self = .binary(try encoded.resolved(using: lookup), prefix: prefix)
        case .jsonPath(let entries):
            self = .jsonPath(
                try entries.map {
                    (try $0.path.resolved(using: lookup), try ResolvedPattern($0.pattern, lookup: lookup))
                })
        }
    }

    /// Whether `message` matches (the same verdict as `mismatches(message).isEmpty`, without describing why not:
    /// ignore lists and `expect_messages` test many messages that do not match).
    func matches(_ message: InboxMessage) -> Bool {
        switch self {
        case .text(let expected):
            guard message.isText, let actual = message.text else { return false }
            return ExactText.equal(actual, expected)
        case .regex(let regex):
            guard message.isText, let actual = message.text else { return false }
            return regex.matches(actual)
        case .contains(let expected):
            guard message.isText, let actual = message.text else { return false }
            return ExactText.contains(actual, expected)
        case .json(let pattern, let exact):
            guard let document = ResolvedMatcher.document(message) else { return false }
            return pattern.matches(document, exact: exact)
        case .binary(let bytes, let prefix):
            guard !message.isText else { return false }
            return prefix ? ByteComparison.hasPrefix(message.data, bytes) : ByteComparison.equal(message.data, bytes)
        case .jsonPath(let entries):
            guard let document = ResolvedMatcher.document(message) else { return false }
            return entries.allSatisfy { path, pattern in pattern.matches(path.value(in: document), exact: false) }
        }
    }

    /// Why `message` does not match (empty when it does).
    func mismatches(_ message: InboxMessage) -> [String] {
        switch self {
        case .text(let expected):
            guard message.isText, let actual = message.text else { return ["expected a text message, got binary"] }
            return ExactText.equal(actual, expected) ? [] : [TextDiff.describe(expected: expected, actual: actual)]
        case .regex(let regex):
            guard message.isText, let actual = message.text else { return ["expected a text message, got binary"] }
            return regex.matches(actual) ? [] : ["text " + regex.mismatchReason(actual)]
        case .contains(let expected):
            guard message.isText, let actual = message.text else { return ["expected a text message, got binary"] }
            return ExactText.contains(actual, expected)
                ? [] : ["text does not contain \(OutputJSON.string(expected).serialized())"]
        case .json(let pattern, let exact):
            guard let document = ResolvedMatcher.document(message) else { return [ResolvedMatcher.notJSON(message)] }
            return pattern.mismatches(document, exact: exact)
        case .binary(let bytes, prefix: false):
            guard !message.isText else { return ["expected a binary message, got text"] }
            guard !ByteComparison.equal(message.data, bytes) else { return [] }
            let payload = message.payload
            return ["expected bytes \(Hex.string(bytes)), got \(Hex.string(payload))" + Hex.difference(bytes, payload)]
        case .binary(let bytes, prefix: true):
            guard !message.isText else { return ["expected a binary message, got text"] }
            return ByteComparison.hasPrefix(message.data, bytes)
                ? [] : ["expected bytes starting with \(Hex.string(bytes)), got \(Hex.string(message.payload))"]
        case .jsonPath(let entries):
            guard let document = ResolvedMatcher.document(message) else { return [ResolvedMatcher.notJSON(message)] }
            return entries.flatMap { path, pattern in
                pattern.mismatches(path.value(in: document), path: path.source, exact: false)
            }
        }
    }

    /// Whether this matcher looks at JSON (for JSON-aware diffs).
    var isJSON: Bool {
        switch self {
        case .json, .jsonPath: return true
        default: return false
        }
    }

    /// What is expected, for failure messages; past 500 characters it is cut (the scenario file has it all).
    var description: String {
        let full = fullDescription
        guard full.count > 500 else { return full }
        return String(full.prefix(500)) + "… (\(full.count) characters in all)"
    }

    private var fullDescription: String {
        switch self {
        case .text(let text): return "text \(OutputJSON.string(text).serialized())"
        case .regex(let regex): return "text matching \(regex)"
        case .contains(let text): return "text containing \(OutputJSON.string(text).serialized())"
        case .json(let pattern, let exact): return (exact ? "json_exact " : "json ") + ResolvedMatcher.show(pattern)
        case .binary(let bytes, prefix: false): return "binary \(Hex.string(bytes))"
        case .binary(let bytes, prefix: true): return "binary starting with \(Hex.string(bytes))"
        case .jsonPath(let entries):
            return "jsonpath {"
                + entries.map { "\($0.0.source): \(ResolvedMatcher.show($0.1))" }.joined(separator: ", ") + "}"
        }
    }

    /// Why `message` is no JSON document: binary, not JSON text, or nested deeper than the parser follows.
    static func notJSON(_ message: InboxMessage) -> String {
        guard message.isText, let text = message.text else { return "not a JSON text message (it is binary)" }
        var depth = 0
        var deepest = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { depth -= 1 }
            deepest = max(deepest, depth)
        }
        return deepest > 512
            ? "a JSON text nested deeper than 512 levels (the most this tool follows)" : "not a JSON text message"
    }

    static func document(_ message: InboxMessage) -> JSONValue? {
        guard message.isText, let text = message.text else { return nil }
        return JSONText.parse(text)
    }

    static func show(_ pattern: ResolvedPattern) -> String {
        switch pattern {
        case .object(let members):
            return "{" + members.map { "\($0.0): \(show($0.1))" }.joined(separator: ", ") + "}"
        case .array(let items):
            return "[" + items.map(show).joined(separator: ", ") + "]"
        default:
            return pattern.description
        }
    }
}

/// Hex rendering of bytes for messages.
enum Hex {
    static func string(_ bytes: [UInt8]) -> String {
        let shown = bytes.prefix(64).map { String(format: "%02x", $0) }.joined()
        return bytes.count > 64 ? shown + "… (\(bytes.count) bytes)" : shown
    }

    /// For payloads that differ past the 64 bytes `string` shows: where, with 16 bytes of each from there.
    static func difference(_ expected: [UInt8], _ actual: [UInt8]) -> String {
        var index = 0
        while index < expected.count && index < actual.count && expected[index] == actual[index] { index += 1 }
        guard index >= 64 else { return "" }
        func around(_ bytes: [UInt8]) -> String {
            let piece = bytes[index..<min(bytes.count, index + 16)].map { String(format: "%02x", $0) }.joined()
            return piece.isEmpty ? "(ends)" : piece + (bytes.count > index + 16 ? "…" : "")
        }
        return "; first difference at byte \(index): expected \(around(expected)), got \(around(actual))"
    }
}
