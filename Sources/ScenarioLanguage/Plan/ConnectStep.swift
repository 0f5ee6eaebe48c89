/// `connect`: open a WebSocket connection (TCP, optional TLS, opening handshake).
public struct ConnectStep: Sendable {
    /// The connection's name (`as:`), `default` when omitted.
    public var connection: String
    /// The `ws://` or `wss://` URL, rendered at run time.
    public var url: Template
    /// Extra request headers, in order.
    public var headers: [HeaderField]
    /// `Sec-WebSocket-Protocol` offer, in order (empty: no header).
    public var subprotocols: [Template]
    /// The `Origin` header, if any.
    public var origin: Template?
    /// `Sec-WebSocket-Extensions` offer (e.g. `permessage-deflate`).
    public var extensions: [Template]
    /// Deadline for TCP + TLS + handshake (the scenario timeout unless given).
    public var timeout: Duration
    /// TLS settings for `wss://` (nil: system defaults).
    public var tls: TLSSettings?
    /// What the next step on this connection says about the handshake.
    public var followUp: ConnectFollowUp
}

/// What the step after a `connect` (on the same connection, in the same step list) asserts.
public enum ConnectFollowUp: Sendable, Equatable {
    /// Neither `expect_handshake` nor `expect_error` follows: a 101 upgrade is required, else the
    /// connect step fails with the reason.
    case requireUpgrade
    /// `expect_handshake` follows: it judges the response.
    case expectHandshake
    /// `expect_error` follows: a failure is expected and judged by it.
    case expectError
}
