import NIOCore
import WebSocketCore

/// Everything the engine sees or causes on one connection, delivered in order.
public enum WebSocketEvent: Sendable, Equatable {
    /// The opening handshake request, as written.
    case handshakeRequest(HandshakeRequest)
    /// The server's answer (status, headers in order, body of a non-101) and what it means.
    case handshakeResponse(HTTPResponseHead, verdict: HandshakeVerdict)
    /// A frame the client wrote (payload unmasked).
    case frameOut(WebSocketFrameRecord)
    /// Raw bytes the client wrote with `sendBytes`.
    case bytesOut(ByteBuffer)
    /// A frame the server sent.
    case frameIn(WebSocketFrameRecord)
    /// A complete data message (after the frames that carried it).
    case messageIn(WebSocketMessage)
    /// The connection is over: the server's code and reason, who started it, clean or not. Delivered once, last.
    case closed(CloseOutcome)
    /// A failure: refused, dns, timeout, tls, handshake, protocol, closed.
    case error(WebSocketError)
}

/// A `WebSocketEvent` with the monotonic time (nanoseconds, from the configuration's clock) it happened at.
public struct TimedWebSocketEvent: Sendable, Equatable {
    /// Monotonic nanoseconds.
    public var time: UInt64
    /// What happened.
    public var event: WebSocketEvent

    public init(time: UInt64, event: WebSocketEvent) {
        self.time = time
        self.event = event
    }
}
