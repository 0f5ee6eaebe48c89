extension WebSocketChannelHandler {
    /// The handshake error for an answer that is not HTTP (typically a TLS alert from a `wss://` server).
    static let notHTTPMessage = "the server's answer is not HTTP (is it a TLS server? try wss://)"

    /// The handshake error when a `ws://` server ends the connection without a byte of answer (what TLS servers
    /// built on BoringSSL or OpenSSL do with a plain-text request).
    static let noAnswerMessage =
        "the server closed the connection without answering the handshake (if it is a TLS server, use wss://)"

    /// Whether `prefix` (the first bytes of the answer) can still start an HTTP response (`HTTP/`).
    static func couldBeHTTP(_ prefix: [UInt8]) -> Bool {
        let expected = Array("HTTP/".utf8)
        return zip(prefix, expected).allSatisfy { $0 == $1 }
    }
}
