import ScenarioLanguage

/// An error on a connection, as `expect_error` sees it.
public struct ConnectionFailure: Error, Sendable, Equatable {
    public var kind: ConnectionErrorKind
    public var message: String
    /// For `handshake` failures: the server's answer, when there was one.
    public var response: HandshakeResponse?
    /// For `protocol` failures: the close code wscenario failed the connection with (1002, 1007, 1009), if known.
    public var closeCode: Int?

    public init(kind: ConnectionErrorKind, message: String, response: HandshakeResponse? = nil, closeCode: Int? = nil) {
        self.kind = kind
        self.message = message
        self.response = response
        self.closeCode = closeCode
    }
}
