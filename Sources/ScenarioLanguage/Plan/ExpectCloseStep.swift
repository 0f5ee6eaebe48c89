/// `expect_close`: wait for the server's close frame.
public struct ExpectCloseStep: Sendable {
    /// The accepted codes; nil accepts any.
    public var codes: [UInt16]?
    /// The connection.
    public var connection: String
    /// The expected reason (exact, or a regex in slashes); nil accepts any.
    public var reason: StringMatcher?
    /// How long to wait.
    public var within: Duration
}
