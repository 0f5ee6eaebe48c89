import Foundation

/// Replaces secret values with `***` in everything the runner writes: transcripts, reports, console.
public struct Redactor: Sendable {
    /// The replacement text.
    public static let mask = "***"
    /// Header names whose values are always redacted (compared case-insensitively).
    public static let sensitiveHeaders: Set<String> = ["authorization", "cookie", "proxy-authorization"]

    /// A redactor that masks nothing but the sensitive headers (shared: building one allocates).
    public static let none = Redactor()

    /// The secret values as given.
    private var values: Set<String>
    /// What is masked: the values and the forms JSON encoders write them in, longest first.
    private(set) var secrets: [String]

    /// A redactor for these secret values (empty values are ignored). A value with characters that JSON escapes
    /// is also masked in its escaped forms, as they appear inside JSON payloads (this runner's, and those of
    /// encoders that also escape `/`, non-ASCII characters or `<`, `>`, `&`, `'` as `\\uXXXX`) and in matcher
    /// descriptions.
    public init(secrets: [String] = []) {
        values = Set(secrets.filter { !$0.isEmpty })
        var all = values
        for secret in values { all.formUnion(Redactor.escapedForms(secret)) }
        self.secrets = all.sorted { $0.count > $1.count }
    }

    /// Adds more secret values (for example header values seen at run time); true when one of them is new.
    @discardableResult
    public mutating func add(_ newValues: [String]) -> Bool {
        guard newValues.contains(where: { !$0.isEmpty && !values.contains($0) }) else { return false }
        self = Redactor(secrets: Array(values) + newValues)
        return true
    }

    /// `secret` as JSON string content: as this runner escapes it, with `/` as `\\/`, and with everything beyond
    /// printable ASCII (and `<>&'`) as `\\uXXXX` in lower and upper case; only the forms that differ from it.
    static func escapedForms(_ secret: String) -> Set<String> {
        let standard = String(OutputJSON.string(secret).serialized().dropFirst().dropLast())
        var forms: Set<String> = [standard, standard.replacingOccurrences(of: "/", with: "\\/")]
        for uppercase in [false, true] {
            var text = ""
            for unit in standard.utf16 {
                let scalar = Unicode.Scalar(unit)
                if unit >= 0x80 || "<>&'".unicodeScalars.contains(where: { UInt16($0.value) == unit }) {
                    let hex = String(unit, radix: 16, uppercase: uppercase)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else if let scalar {
                    text.unicodeScalars.append(scalar)
                }
            }
            forms.insert(text)
            forms.insert(text.replacingOccurrences(of: "/", with: "\\/"))
        }
        forms.remove(secret)
        return forms
    }

    /// Whether a secret value occurs in `json` (a serialized JSON text), as is or JSON-escaped.
    public func occurs(inJSON json: String) -> Bool {
        secrets.contains { secret in
            if json.contains(secret) { return true }
            let escaped = OutputJSON.string(secret).serialized().dropFirst().dropLast()
            return escaped != secret[...] && json.contains(escaped)
        }
    }

    /// How many characters the masked texts have together (their number stays linear in the values).
    var maskedTextLength: Int { secrets.reduce(0) { $0 + $1.count } }

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
