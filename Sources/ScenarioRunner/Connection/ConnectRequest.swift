/// What `connect` asks for.
public struct ConnectRequest: Sendable {
    public var url: String
    public var headers: [(String, String)]
    public var subprotocols: [String]
    public var origin: String?
    public var extensions: [String]
    /// Seconds for TCP + TLS + handshake.
    public var timeout: Double
    public var tls: TLSSettings?

    public init(
        url: String, headers: [(String, String)] = [], subprotocols: [String] = [], origin: String? = nil,
        extensions: [String] = [], timeout: Double = 5, tls: TLSSettings? = nil
    ) {
        self.url = url
        self.headers = headers
        self.subprotocols = subprotocols
        self.origin = origin
        self.extensions = extensions
        self.timeout = timeout
        self.tls = tls
    }
}

/// The `tls:` settings of `connect` (paths already resolved against the scenario file).
public struct TLSSettings: Sendable, Equatable {
    public var caFile: String?
    public var certificateFile: String?
    public var keyFile: String?
    public var insecure: Bool
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
