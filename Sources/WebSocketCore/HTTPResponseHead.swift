import NIOCore

/// A server's HTTP response to the opening handshake, with the body of a non-101 answer.
public struct HTTPResponseHead: Sendable, Equatable {
    /// `HTTP/1.1` as received.
    public var version: String
    /// The status code.
    public var status: Int
    /// The reason phrase (may be empty).
    public var reason: String
    /// Every header field in order and original case.
    public var headers: HTTPHeaderList
    /// The body (non-101 answers only; bounded, see `bodyTruncated`).
    public var body: ByteBuffer
    /// Whether the body was longer than the limit and was cut.
    public var bodyTruncated: Bool

    public init(
        version: String = "HTTP/1.1", status: Int, reason: String = "", headers: HTTPHeaderList = .init(),
        body: ByteBuffer = ByteBuffer(), bodyTruncated: Bool = false
    ) {
        self.version = version
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
    }

    /// The body as text (lossy UTF-8 decoding).
    public var bodyText: String { String(decoding: body.readableBytesView, as: UTF8.self) }
}
