import WebSocketCore

/// A failure of a connection, of one of the kinds the scenario language knows, with a human message.
public struct WebSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario language's error kinds (`expect_error: kind`), plus `invalidConfiguration`.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// TCP connection refused.
        case refused
        /// The host name did not resolve.
        case dns
        /// A connect, TLS or handshake deadline passed.
        case timeout
        /// TLS failed (certificate, handshake, ...).
        case tls
        /// The server answered but not with a valid 101 (refused status, bad accept, subprotocol, extension).
        case handshake
        /// The server broke RFC 6455 after the upgrade.
        case `protocol`
        /// The TCP connection ended without a close handshake (1006), or the connection is already closed.
        case closed
        /// The configuration cannot work (malformed URL, unreadable certificate file).
        case invalidConfiguration = "invalid_configuration"
    }

    /// Which kind of failure.
    public var kind: Kind
    /// What happened, for people.
    public var message: String
    /// For `handshake` errors with an HTTP answer: the response (status, headers, body).
    public var response: HTTPResponseHead?
    /// For `protocol` errors: the close code the connection was failed with (1002, 1007, 1009).
    public var closeCode: UInt16?

    public init(kind: Kind, message: String, response: HTTPResponseHead? = nil, closeCode: UInt16? = nil) {
        self.kind = kind
        self.message = message
        self.response = response
        self.closeCode = closeCode
    }

    /// The HTTP status of a handshake error, if the server answered.
    public var status: Int? { response?.status }

    public var description: String { "\(kind.rawValue): \(message)" }
}
