/// `expect_error`: the connection's pending error must be of this kind (and match the fields).
public struct ExpectErrorStep: Sendable {
    /// The connection.
    public var connection: String
    /// The expected kind.
    public var kind: ConnectionErrorKind
    /// `handshake`: the HTTP status.
    public var status: Int?
    /// `handshake`: expected response headers.
    public var headers: [HeaderExpectation]
    /// `handshake`: the response body (regex in slashes, else contains).
    public var body: StringMatcher?
    /// A regex (in slashes) or substring over the error's text.
    public var message: StringMatcher?
    /// How long to wait for the error.
    public var within: Duration
}

/// The kinds of connection error `expect_error` names.
public enum ConnectionErrorKind: String, Sendable, CaseIterable {
    /// TCP connection refused.
    case refused
    /// The host name did not resolve.
    case dns
    /// A connect, handshake or read deadline passed.
    case timeout
    /// TLS failed.
    case tls
    /// The server answered but not with a valid 101.
    case handshake
    /// The server broke RFC 6455 after the upgrade.
    case `protocol`
    /// The TCP connection ended without a close handshake (1006).
    case closed
}
