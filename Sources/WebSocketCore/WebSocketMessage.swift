import NIOCore

/// A reassembled data message.
public struct WebSocketMessage: Sendable, Equatable {
    /// Text or binary.
    public enum Kind: String, Sendable, Equatable {
        case text
        case binary
    }

    /// Whether the message started with a text or a binary frame.
    public var kind: Kind
    /// The whole payload (for text: valid UTF-8).
    public var data: ByteBuffer
    /// How many frames carried it (1 when it was not fragmented).
    public var frameCount: Int

    public init(kind: Kind, data: ByteBuffer, frameCount: Int = 1) {
        self.kind = kind
        self.data = data
        self.frameCount = frameCount
    }

    /// The payload decoded as UTF-8 (for text messages always valid).
    public var text: String { String(buffer: data) }

    /// The payload bytes.
    public var bytes: [UInt8] { Array(data.readableBytesView) }
}
