/// `expect_handshake`: judge the server's answer to the opening handshake.
public struct ExpectHandshakeStep: Sendable {
    /// The connection.
    public var connection: String
    /// The expected HTTP status (101 unless given; another status asserts a refused upgrade).
    public var status: Int
    /// Expected response headers (names case-insensitive).
    public var headers: [HeaderExpectation]
    /// `subprotocol:` — nil: not asserted; `.some(nil)`: none negotiated; `.some(x)`: exactly `x`.
    public var subprotocol: String??
    /// `extensions:` — the negotiated extension names, when asserted.
    public var extensions: [String]?
    /// How long to wait for the response, if it has not arrived yet.
    public var within: Duration
}
