import NIOSSL

/// What a server logs when a client's TLS handshake fails: the reason in words, with the BoringSSL reason code in
/// parentheses (never a source path of the TLS library).
public enum TLSClientFailure {
    /// The reason `error` (from the server's TLS handler, before the handshake completed) gives, e.g.
    /// `the client sent plain HTTP, not TLS (HTTP_REQUEST)`.
    public static func reason(_ error: Error) -> String {
        if let sslError = error as? NIOSSLError {
            switch sslError {
            case .handshakeFailed(let boring): return describe(boring)
            case .uncleanShutdown: return "the client closed the connection during the TLS handshake"
            default: return TLSFailureDescription.sanitized("\(sslError)")
            }
        }
        if let boring = error as? BoringSSLError { return describe(boring) }
        return TLSFailureDescription.sanitized("\(error)")
    }

    private static func describe(_ error: BoringSSLError) -> String {
        let codes = TLSFailureDescription.reasonCodes(in: "\(error)")
        guard !codes.isEmpty else { return TLSFailureDescription.sanitized("\(error)") }
        var seen: [String] = []
        for code in codes where !seen.contains(code) { seen.append(code) }
        return seen.map { "\(readable($0)) (\($0))" }.joined(separator: "; ")
    }

    /// The server's view of the usual reason codes.
    private static func readable(_ code: String) -> String {
        switch code {
        case "HTTP_REQUEST", "HTTPS_PROXY_REQUEST": return "the client sent plain HTTP, not TLS (use wss://)"
        case "WRONG_VERSION_NUMBER", "UNKNOWN_PROTOCOL": return "the client does not speak TLS"
        case "TLSV1_ALERT_UNKNOWN_CA", "SSLV3_ALERT_BAD_CERTIFICATE", "SSLV3_ALERT_CERTIFICATE_UNKNOWN",
            "TLSV1_ALERT_DECRYPT_ERROR", "SSLV3_ALERT_CERTIFICATE_EXPIRED":
            return "the client rejected the server's certificate"
        case "NO_SHARED_CIPHER", "NO_SHARED_GROUP", "UNSUPPORTED_PROTOCOL":
            return "the client and the server share no TLS version or cipher"
        default: return code.lowercased().split(separator: "_").joined(separator: " ")
        }
    }
}
