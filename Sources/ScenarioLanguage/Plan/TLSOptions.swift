/// `tls:` settings of `connect`. Paths are resolved relative to the scenario file.
public struct TLSOptions: Sendable, Equatable {
    /// A PEM file of trusted CA certificates.
    public var caFile: String?
    /// A PEM client certificate.
    public var certificateFile: String?
    /// The PEM private key of the client certificate.
    public var keyFile: String?
    /// Skip certificate verification.
    public var insecure: Bool
    /// SNI / verification name, when different from the URL's host.
    public var serverName: String?

    /// TLS settings; by default the system's trust store, no client certificate, verification on.
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
