/// Reads the text NIOSSL gives a BoringSSL error (`error:1000009c:SSL routines:OPENSSL_internal:HTTP_REQUEST at
/// /path/ssl/...`): its reason codes, and the text without source paths. Shared by the client's TLS messages and
/// the built-in server's log, which word the same codes from their own side.
public enum TLSErrorText {
    /// The reason codes (`CERTIFICATE_VERIFY_FAILED`) of every `error:XXXXXXXX:LIB:FUNC:REASON` entry in `text`.
    public static func reasonCodes(in text: String) -> [String] {
        var codes: [String] = []
        var rest = Substring(text)
        while let range = rest.firstRange(of: "error:") {
            var entry = rest[range.upperBound...].prefix { $0 != "]" && $0 != "," && $0 != ")" }
            if let location = entry.firstRange(of: " at ") { entry = entry[..<location.lowerBound] }
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count >= 4, let reason = parts.last, !reason.isEmpty {
                codes.append(String(reason))
            }
            rest = rest[range.upperBound...]
        }
        return codes
    }

    /// Removes ` at /path/file.cc:123` source locations from NIOSSL's debug descriptions.
    public static func sanitized(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: " at /") {
            result += rest[..<range.lowerBound]
            rest = rest[range.upperBound...].drop { $0 != " " && $0 != "]" && $0 != "," && $0 != ")" }
        }
        return result + rest
    }

    /// Each reason code of `text` once, in words with the code in parentheses (`readable(code) (CODE)`, joined
    /// by `; `), or the sanitized text when it has none.
    public static func describe(_ text: String, readable: (String) -> String) -> String {
        var seen: [String] = []
        for code in reasonCodes(in: text) where !seen.contains(code) { seen.append(code) }
        guard !seen.isEmpty else { return sanitized(text) }
        return seen.map { "\(readable($0)) (\($0))" }.joined(separator: "; ")
    }
}
