import NIOCore

/// Everything one connection needs: where to connect, what to offer in the handshake, limits and timeouts.
public struct WebSocketClientConfiguration: Sendable {
    /// `ws://` or `wss://` URL (see `WebSocketURL`).
    public var url: String
    /// Extra request headers in order; a header named like a standard one (Host, Sec-WebSocket-Key, ...)
    /// replaces its value.
    public var headers: [(name: String, value: String)]
    /// `Sec-WebSocket-Protocol` offer, in order.
    public var subprotocols: [String]
    /// `Origin` header.
    public var origin: String?
    /// `Sec-WebSocket-Extensions` offers, each written as in the header, parameters included (e.g.
    /// `permessage-deflate; client_max_window_bits`). permessage-deflate (RFC 7692) is implemented: the server's
    /// answer is validated and messages are compressed/inflated. Other extensions are offered only; a server
    /// accepting one will be failed on its first RSV frame.
    public var extensions: [String]
    /// TLS settings (used for `wss://`).
    public var tls: WebSocketTLSOptions
    /// TCP connect deadline.
    public var connectTimeout: TimeAmount
    /// Deadline for TLS and the whole handshake answer after TCP connected.
    public var handshakeTimeout: TimeAmount
    /// How long to wait for the server's close frame (and for TCP to end) during a closing handshake.
    public var closeTimeout: TimeAmount
    /// The largest server frame accepted (1009 beyond).
    public var maxFrameSize: Int
    /// The largest reassembled message accepted (1009 beyond).
    public var maxMessageSize: Int
    /// Answer every ping with a pong automatically.
    public var autoPong: Bool
    /// Echo every data message back the moment it is complete, before the next frame is handled (the Autobahn
    /// testee behaviour, strictly ordered). Off by default.
    public var echoMessages: Bool = false
    /// The largest body kept from a non-101 answer.
    public var maxResponseBodySize: Int
    /// Random source for the handshake key and masking keys (inject a seeded one for reproducible bytes).
    public var random: @Sendable () -> UInt64
    /// Monotonic clock in nanoseconds for event timestamps.
    public var clock: @Sendable () -> UInt64

    public init(
        url: String, headers: [(name: String, value: String)] = [], subprotocols: [String] = [],
        origin: String? = nil, extensions: [String] = [], tls: WebSocketTLSOptions = .init(),
        connectTimeout: TimeAmount = .seconds(5), handshakeTimeout: TimeAmount = .seconds(5),
        closeTimeout: TimeAmount = .seconds(2), maxFrameSize: Int = 16 << 20, maxMessageSize: Int = 16 << 20,
        autoPong: Bool = true, maxResponseBodySize: Int = 1 << 20,
        random: @escaping @Sendable () -> UInt64 = { BufferedSystemRandom.next() },
        clock: @escaping @Sendable () -> UInt64 = { NIODeadline.now().uptimeNanoseconds }
    ) {
        self.url = url
        self.headers = headers
        self.subprotocols = subprotocols
        self.origin = origin
        self.extensions = extensions
        self.tls = tls
        self.connectTimeout = connectTimeout
        self.handshakeTimeout = handshakeTimeout
        self.closeTimeout = closeTimeout
        self.maxFrameSize = maxFrameSize
        self.maxMessageSize = maxMessageSize
        self.autoPong = autoPong
        self.maxResponseBodySize = maxResponseBodySize
        self.random = random
        self.clock = clock
    }
}
