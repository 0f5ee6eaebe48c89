import NIOCore
import PerMessageDeflate
import WebSocketCore

/// What the channel handler reports once the handshake is over, one way or the other.
struct HandshakeCompletion: Sendable {
    var response: HTTPResponseHead?
    var verdict: HandshakeVerdict?
    var error: WebSocketError?
    /// Whether the opening handshake request was written (not when TCP or TLS failed first).
    var requestSent = true
    /// The handler, after a successful upgrade.
    var handler: NIOLoopBound<WebSocketChannelHandler>?
    /// The negotiated permessage-deflate parameters, if any.
    var deflate: PerMessageDeflateParameters?
}
