import ScenarioLanguage

/// What `connect` asks for.
public struct ConnectRequest: Sendable {
    /// The rendered `ws://` or `wss://` URL.
    public var url: String
    /// Extra request headers, in order.
    public var headers: [(String, String)]
    /// The `Sec-WebSocket-Protocol` offer, in order.
    public var subprotocols: [String]
    /// The `Origin` header, if any.
    public var origin: String?
    /// The `Sec-WebSocket-Extensions` offer.
    public var extensions: [String]
    /// Seconds for TCP + TLS + handshake.
    public var timeout: Double
    /// TLS settings for `wss://` (nil: system defaults).
    public var tls: TLSOptions?

    /// A request; by default no extra headers, subprotocols, origin or extensions, and a 5 s timeout.
    public init(
        url: String, headers: [(String, String)] = [], subprotocols: [String] = [], origin: String? = nil,
        extensions: [String] = [], timeout: Double = 5, tls: TLSOptions? = nil
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
