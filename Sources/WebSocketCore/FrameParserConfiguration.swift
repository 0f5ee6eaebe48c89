/// What a `FrameParser` accepts.
public struct FrameParserConfiguration: Sendable, Equatable {
    /// Whether frames must be masked (a server parsing client frames) or must not be (a client parsing server frames).
    public var expectMasked: Bool
    /// RSV bits a negotiated extension allows, as a 3-bit mask (RSV1 = 0b100). Default: none.
    public var allowedRSV: UInt8
    /// The largest payload length of a single frame; larger frames are a 1009 error before any allocation.
    public var maxFrameSize: Int
    /// `false` turns off the RFC 6455 header rules (masking, reserved opcodes, RSV bits, control frame rules) and
    /// only frames the bytes: for test tools that must record whatever a peer sends. The size limit still applies.
    public var strict: Bool

    /// The default: server frames (unmasked), no extension, 16 MiB frames, every rule enforced.
    public init(expectMasked: Bool = false, allowedRSV: UInt8 = 0, maxFrameSize: Int = 16 << 20, strict: Bool = true) {
        self.expectMasked = expectMasked
        self.allowedRSV = allowedRSV & 0b111
        self.maxFrameSize = maxFrameSize
        self.strict = strict
    }
}
