/// `close`: send a close frame and wait for the server's close.
public struct CloseStep: Sendable {
    /// The connection.
    public var connection: String
    /// The status code (1000 unless given); nil sends a close frame without a body (`code: null`).
    public var code: UInt16?
    /// The reason text.
    public var reason: Template
    /// How long to wait for the server's close frame.
    public var within: Duration
}
