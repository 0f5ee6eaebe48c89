import ScenarioLanguage
import WebSocketCore

/// What an `http` step sends: the request exactly as it is written to the socket, and where.
public struct HTTPCall: Sendable {
    /// The rendered `http://` or `https://` URL.
    public var url: String
    /// The request: method, target, every header (Host, Content-Length ... included), body.
    public var request: HTTPRequest
    /// Seconds for TCP + TLS + the whole response.
    public var timeout: Double
    /// TLS settings for `https://` (nil: system defaults).
    public var tls: TLSOptions?

    /// A call of `request` to `url`, bounded by `timeout` seconds.
    public init(url: String, request: HTTPRequest, timeout: Double, tls: TLSOptions? = nil) {
        self.url = url
        self.request = request
        self.timeout = timeout
        self.tls = tls
    }
}
