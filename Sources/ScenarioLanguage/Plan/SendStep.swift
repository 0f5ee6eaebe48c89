/// `send`: send one data message (text, JSON or binary), optionally split into fragments.
public struct SendStep: Sendable {
    /// The connection.
    public var connection: String
    /// What to send.
    public var payload: MessagePayload
    /// The number of frames to split the message into (1: a single frame).
    public var fragments: Int
}

/// The content of a data message to send.
public enum MessagePayload: Sendable {
    /// A text frame with the rendered template.
    case text(Template)
    /// A text frame with the rendered JSON, serialised compactly.
    case json(JSONTemplate)
    /// A binary frame.
    case binary(BinarySource)
}

/// Bytes to send.
public enum BinarySource: Sendable, Equatable {
    /// Bytes decoded at load time from `hex:` or `base64:`.
    case bytes([UInt8])
    /// `hex:` or `base64:` with placeholders, decoded when the step runs.
    case encoded(EncodedBytes)
    /// `file:` — the contents of this file (resolved against the scenario file; checked to exist at load).
    case file(path: String)
}
