import PerMessageDeflate
import WebSocketCore

/// The complete outcome of `WebSocketClient.connect`: what was sent, what came back, and either an open
/// connection or a typed error.
public struct WebSocketConnectResult: Sendable {
    /// The handshake request, if the TCP (and TLS) connection got far enough to write it.
    public var request: HandshakeRequest?
    /// The server's answer, if one was received.
    public var response: HTTPResponseHead?
    /// The verdict on the answer, if one was received.
    public var verdict: HandshakeVerdict?
    /// The open connection after a valid 101, else `nil`.
    public var connection: WebSocketConnection?
    /// Why there is no connection, else `nil`.
    public var error: WebSocketError?
    /// The negotiated permessage-deflate parameters after a 101 that accepted it, else `nil`.
    public var deflate: PerMessageDeflateParameters?

    public init(
        request: HandshakeRequest? = nil, response: HTTPResponseHead? = nil, verdict: HandshakeVerdict? = nil,
        connection: WebSocketConnection? = nil, error: WebSocketError? = nil,
        deflate: PerMessageDeflateParameters? = nil
    ) {
        self.deflate = deflate
        self.request = request
        self.response = response
        self.verdict = verdict
        self.connection = connection
        self.error = error
    }

    /// The negotiated subprotocol after a 101.
    public var subprotocol: String? {
        if case .upgraded(let subprotocol, _) = verdict { return subprotocol }
        return nil
    }

    /// The accepted extensions after a 101.
    public var extensions: [String] {
        if case .upgraded(_, let extensions) = verdict { return extensions }
        return []
    }
}
