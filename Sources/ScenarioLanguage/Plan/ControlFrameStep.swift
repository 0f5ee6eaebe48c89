/// `ping` / `pong`: send a control frame with an optional payload.
public struct ControlFrameStep: Sendable {
    /// The connection.
    public var connection: String
    /// The payload text (empty: no payload).
    public var payload: Template
}
