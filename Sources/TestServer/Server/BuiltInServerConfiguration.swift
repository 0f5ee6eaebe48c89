import Logging

/// How to start the built-in test server.
public struct BuiltInServerConfiguration: Sendable {
    /// The address to bind; 127.0.0.1 unless told otherwise.
    public var host: String
    /// The TCP port; 0 picks a free one (read it back from `BuiltInServer.port`).
    public var port: Int
    /// PEM certificate chain; with `tlsKeyPath` the server speaks `wss://`.
    public var tlsCertificatePath: String?
    /// PEM private key for `tlsCertificatePath`.
    public var tlsKeyPath: String?
    /// The bearer token `/auth` and `/chat` require. Without one, `/chat` is open and `/auth` expects
    /// `BuiltInServerConfiguration.defaultAuthToken`.
    public var token: String?
    /// Where the server logs one line per connection; silent by default.
    public var logger: Logger
    /// Accept permessage-deflate offers (RFC 7692) on the well-behaved endpoints; on by default.
    public var permessageDeflate: Bool = true

    /// The token `/auth` expects when the server has none.
    public static let defaultAuthToken = HandshakeDecision.defaultAuthToken

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        tlsCertificatePath: String? = nil,
        tlsKeyPath: String? = nil,
        token: String? = nil,
        logger: Logger = Logger(label: "wscenario.serve", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.host = host
        self.port = port
        self.tlsCertificatePath = tlsCertificatePath
        self.tlsKeyPath = tlsKeyPath
        self.token = token
        self.logger = logger
    }
}
