/// `http`: a plain HTTP request (validated in v1; `isSupported` is false until the runner implements it).
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
    /// How long the request may take.
    public var within: Duration
    /// Whether the runner executes this step in this version (false in v1).
    public var isSupported: Bool { false }
}
