/// `send_frame`: one raw frame, exactly as described, for negative tests.
public struct SendFrameStep: Sendable {
    /// The connection.
    public var connection: String
    /// The opcode, 0...15 (reserved ones allowed).
    public var opcode: UInt8
    /// The FIN bit (default true).
    public var fin: Bool
    /// RSV1, RSV2, RSV3 (default all false).
    public var rsv: [Bool]
    /// Whether to mask the frame (default true).
    public var masked: Bool
    /// The payload.
    public var payload: FramePayload
    /// A payload length to announce instead of the real one, if given.
    public var length: UInt64?
}

/// The payload of a raw frame.
public enum FramePayload: Sendable {
    /// `text:`: the rendered template's UTF-8 bytes.
    case text(Template)
    /// `hex:` / `base64:`: these bytes.
    case bytes([UInt8])
    /// `hex:` / `base64:` with placeholders, decoded when the step runs.
    case encoded(EncodedBytes)
}
