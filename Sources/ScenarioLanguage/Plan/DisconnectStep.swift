/// `disconnect`: drop the TCP connection without a close frame.
public struct DisconnectStep: Sendable {
    /// The connection.
    public var connection: String
}
