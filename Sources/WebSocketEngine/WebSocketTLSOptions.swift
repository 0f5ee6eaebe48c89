/// TLS settings for `wss://` connections.
public struct WebSocketTLSOptions: Sendable, Equatable {
    /// A PEM file of CA certificates to trust instead of the system's.
    public var caFile: String?
    /// A PEM client certificate (chain) for mutual TLS.
    public var certificateFile: String?
    /// The PEM private key of the client certificate.
    public var keyFile: String?
    /// Skip certificate and host name verification.
    public var insecure: Bool
    /// The SNI / verification host name to use instead of the URL's host.
    public var serverName: String?

    public init(
        caFile: String? = nil, certificateFile: String? = nil, keyFile: String? = nil, insecure: Bool = false,
        serverName: String? = nil
    ) {
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.insecure = insecure
        self.serverName = serverName
    }
}
