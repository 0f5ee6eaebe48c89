/// A parsed `ws://` or `wss://` URL.
public struct WebSocketURL: Sendable, Equatable, CustomStringConvertible {
    /// Whether the scheme is `wss` (TLS).
    public var secure: Bool
    /// The host name or address, without IPv6 brackets.
    public var host: String
    /// The port (default 80 for ws, 443 for wss).
    public var port: Int
    /// The request target: path and query, at least `/`.
    public var path: String

    public init(secure: Bool, host: String, port: Int? = nil, path: String = "/") {
        self.secure = secure
        self.host = host
        self.port = port ?? (secure ? 443 : 80)
        self.path = path.isEmpty ? "/" : path
    }

    /// Parses `ws://host[:port][/path][?query]` (also `wss://`, and IPv6 hosts as `[::1]`); `nil` if malformed.
    public init?(_ string: String) {
        let lower = string.lowercased()
        let rest: Substring
        if lower.hasPrefix("ws://") {
            secure = false
            rest = string.dropFirst(5)
        } else if lower.hasPrefix("wss://") {
            secure = true
            rest = string.dropFirst(6)
        } else {
            return nil
        }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if target.hasPrefix("?") { target = "/" + target }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { return nil }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            portText = authority[authority.index(after: colon)...]
        } else {
            host = String(authority)
        }
        guard !host.isEmpty else { return nil }
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else { return nil }
            port = value
        } else {
            port = secure ? 443 : 80
        }
        path = target.isEmpty ? "/" : target
    }

    /// Whether the host is a literal IPv4 or IPv6 address (no SNI is sent for those).
    public var hostIsAddress: Bool {
        host.contains(":") || host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// The `Host` header value: the host (bracketed if IPv6) and the port when it is not the default.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (secure ? 443 : 80) ? name : "\(name):\(port)"
    }

    public var description: String { "\(secure ? "wss" : "ws")://\(hostHeader)\(path)" }
}
