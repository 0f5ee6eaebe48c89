/// `expect_messages`: several messages, in any order, each matched by one of `all`.
public struct ExpectMessagesStep: Sendable {
    /// The connection.
    public var connection: String
    /// One matcher per expected message.
    public var all: [MessageMatcher]
    /// How long to wait for all of them.
    public var within: Duration
}
