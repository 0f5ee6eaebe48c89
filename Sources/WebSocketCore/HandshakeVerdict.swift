/// What the server's answer to the opening handshake means.
public enum HandshakeVerdict: Sendable, Equatable {
    /// A valid 101: the connection is a WebSocket now, with the negotiated subprotocol and extensions.
    case upgraded(subprotocol: String?, extensions: [String])
    /// The server answered with another status: it refused the upgrade.
    case refused(status: Int)
    /// A 101 that breaks RFC 6455 §4.1 (the reason says how).
    case invalid(reason: String)

    /// Whether the connection is open.
    public var isUpgraded: Bool {
        if case .upgraded = self { return true }
        return false
    }
}
