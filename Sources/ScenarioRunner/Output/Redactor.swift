import Foundation

/// Replaces secret values with `***` in everything the runner writes: transcripts, reports, console.
public struct Redactor: Sendable {
    /// The replacement text.
    public static let mask = "***"
    /// Header names whose values are always redacted (compared case-insensitively).
    public static let sensitiveHeaders: Set<String> = ["authorization", "cookie", "proxy-authorization"]

    private var secrets: [String]

    /// A redactor for these secret values (empty values are ignored). A value with characters that JSON escapes
    /// (`"`, `\\`, control characters) is also masked in its escaped form, as it appears inside a JSON payload
    /// or a matcher's description.
    public init(secrets: [String] = []) {
        var all = Set(secrets.filter { !$0.isEmpty })
        for secret in all {
            let escaped = String(OutputJSON.string(secret).serialized().dropFirst().dropLast())
            if escaped != secret { all.insert(escaped) }
        }
        self.secrets = all.sorted { $0.count > $1.count }
    }

    /// Adds more secret values (for example header values seen at run time); true when one of them is new.
    @discardableResult
    public mutating func add(_ values: [String]) -> Bool {
        let known = Set(secrets)
        guard values.contains(where: { !$0.isEmpty && !known.contains($0) }) else { return false }
        self = Redactor(secrets: secrets + values)
        return true
    }

    /// Whether a secret value occurs in `json` (a serialized JSON text), as is or JSON-escaped.
    public func occurs(inJSON json: String) -> Bool {
        secrets.contains { secret in
            if json.contains(secret) { return true }
            let escaped = OutputJSON.string(secret).serialized().dropFirst().dropLast()
            return escaped != secret[...] && json.contains(escaped)
        }
    }

    /// Whether there is anything to redact.
    public var isEmpty: Bool { secrets.isEmpty }

    /// `text` with every secret value replaced.
    public func redact(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Redactor.mask)
        }
        return result
    }

    /// `text`, the beginning of a longer text, with every secret value replaced; a secret that the cut split is
    /// dropped too (what remains of it at the end).
    public func redact(cutText text: String) -> String {
        var result = redact(text)
        for secret in secrets where secret.count > 1 {
            for length in stride(from: min(secret.count - 1, result.count), through: 1, by: -1)
            where result.hasSuffix(secret.prefix(length)) {
                result.removeLast(length)
                break
            }
        }
        return result
    }

    /// `value` with every string (and object key) redacted.
    public func redact(_ value: OutputJSON) -> OutputJSON {
        guard !secrets.isEmpty else { return value }
        switch value {
        case .string(let text): return .string(redact(text))
        case .array(let items): return .array(items.map { redact($0) })
        case .object(let pairs): return .object(pairs.map { (redact($0.0), redact($0.1)) })
        default: return value
        }
    }

    /// A header list as transcript JSON, with the values of sensitive headers masked. A header that occurs more
    /// than once (`Set-Cookie`, names compared case-insensitively) is one key, spelt as it first came, whose
    /// value is the list of its values in order: a JSON object cannot repeat a key.
    public func headersJSON(_ headers: [(String, String)]) -> OutputJSON {
        var order: [String] = []
        var spelling: [String: String] = [:]
        var values: [String: [OutputJSON]] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            if spelling[key] == nil {
                spelling[key] = name
                order.append(key)
            }
            let masked = Redactor.sensitiveHeaders.contains(key) ? Redactor.mask : redact(value)
            values[key, default: []].append(.string(masked))
        }
        return .object(
            order.map { key in
                let all = values[key] ?? []
                return (spelling[key] ?? key, all.count == 1 ? all[0] : .array(all))
            })
    }
}
