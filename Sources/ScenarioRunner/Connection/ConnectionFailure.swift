import ScenarioLanguage

/// An error on a connection, as `expect_error` sees it.
public struct ConnectionFailure: Error, Sendable, Equatable {
    public var kind: ConnectionErrorKind
    public var message: String
    /// For `handshake` failures: the server's answer, when there was one.
    public var response: HandshakeResponse?

    public init(kind: ConnectionErrorKind, message: String, response: HandshakeResponse? = nil) {
        self.kind = kind
        self.message = message
        self.response = response
    }
}
