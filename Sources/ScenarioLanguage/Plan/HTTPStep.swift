/// `http`: a plain HTTP request (contract v1.1), e.g. to log in before connecting.
public struct HTTPStep: Sendable {
    /// The method (`GET` unless given).
    public var method: String
    /// The URL, rendered at run time.
    public var url: Template
    /// Request headers.
    public var headers: [HeaderField]
    /// A JSON body, if any.
    public var json: JSONTemplate?
    /// A text body, if any.
    public var body: Template?
    /// The expected status, if asserted.
    public var expectedStatus: Int?
    /// Variables captured from the JSON response.
    public var captures: [JSONPathCapture]
    /// How long the request may take (connection, TLS and the whole response).
    public var within: Duration
    /// TLS settings for `https://` (nil: system defaults).
    public var tls: TLSSettings?
}
