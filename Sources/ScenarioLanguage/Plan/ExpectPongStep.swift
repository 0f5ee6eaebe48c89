/// `expect_pong`: wait for a pong frame.
public struct ExpectPongStep: Sendable {
    /// The connection.
    public var connection: String
    /// The expected payload; nil accepts any.
    public var payload: Template?
    /// How long to wait.
    public var within: Duration
}
