/// A parsed `http://` or `https://` URL (the `http` step's target).
public struct HTTPURL: Sendable, Equatable, CustomStringConvertible {
    /// Whether the scheme is `https` (TLS).
    public var secure: Bool
    /// The host name or address, without IPv6 brackets.
    public var host: String
    /// The port (default 80 for http, 443 for https).
    public var port: Int
    /// The request target: path and query, at least `/`.
    public var target: String

    /// Parses `http://host[:port][/path][?query]` (also `https://`, and IPv6 hosts as `[::1]`); `nil` if malformed.
    public init?(_ string: String) {
        let lower = string.lowercased()
        let webSocketForm: String
        if lower.hasPrefix("http://") {
            webSocketForm = "ws://" + string.dropFirst(7)
        } else if lower.hasPrefix("https://") {
            webSocketForm = "wss://" + string.dropFirst(8)
        } else {
            return nil
        }
        // The authority and target rules are the same as for ws:// and wss:// (RFC 6455 §3 borrows them).
        guard let parsed = WebSocketURL(webSocketForm) else { return nil }
        secure = parsed.secure
        host = parsed.host
        port = parsed.port
        target = parsed.path
    }

    /// The `Host` header value: the host (bracketed if IPv6) and the port when it is not the default.
    public var hostHeader: String { webSocketURL.hostHeader }

    /// The same endpoint as a `WebSocketURL` (for connection error messages).
    var webSocketURL: WebSocketURL { WebSocketURL(secure: secure, host: host, port: port, path: target) }

    public var description: String { "\(secure ? "https" : "http")://\(hostHeader)\(target)" }
}
