/// `expect_silence`: no data message (after `ignore`) arrives for a while.
public struct ExpectSilenceStep: Sendable {
    /// The connection.
    public var connection: String
    /// How long the connection must stay silent.
    public var duration: Duration
}
