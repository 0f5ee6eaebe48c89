/// `wait`: sleep.
public struct WaitStep: Sendable {
    /// How long.
    public var duration: Duration
}
