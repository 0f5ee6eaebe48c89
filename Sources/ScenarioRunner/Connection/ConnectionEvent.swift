import NIOCore

/// Who started a closing handshake.
public enum CloseSide: String, Sendable, Equatable {
    case client
    case server
}

/// Something that happened on a connection, reported by the transport to the interpreter.
public enum ConnectionEvent: Sendable {
    /// The opening handshake was sent.
    case handshakeRequest(method: String, path: String, headers: [(String, String)])
    /// The server's answer to the handshake (any status).
    case handshakeResponse(HandshakeResponse)
    /// A frame was written.
    case frameOut(FrameRecord)
    /// Raw bytes were written (`sendBytes`).
    case bytesOut([UInt8])
    /// A frame was read.
    case frameIn(FrameRecord)
    /// A complete (reassembled) data message arrived (`data` is the transport's buffer: no copy of the payload).
    case message(text: Bool, data: ByteBuffer)
    /// A pong arrived.
    case pong([UInt8])
    /// The server's close frame arrived (code nil when the frame had no code).
    case closeReceived(code: Int?, reason: String)
    /// The connection is gone: after the closing handshake, or with code 1006 when TCP ended without one.
    case closed(code: Int, reason: String, by: CloseSide)
    /// An error: protocol violation, TCP drop, read timeout...
    case error(ConnectionFailure)
}

extension ConnectionEvent {
    /// A complete data message with the payload given as bytes.
    public static func message(text: Bool, payload: [UInt8]) -> ConnectionEvent {
        .message(text: text, data: ByteBuffer(bytes: payload))
    }
}

/// A connection event with its monotonic timestamp (nanoseconds, same clock as the runner's).
public struct TimedConnectionEvent: Sendable {
    public var event: ConnectionEvent
    public var nanos: UInt64?

    public init(_ event: ConnectionEvent, nanos: UInt64? = nil) {
        self.event = event
        self.nanos = nanos
    }
}
