import NIOCore

/// A complete data message from the client, reassembled from its frames.
struct InboundMessage {
    enum Kind { case text, binary }
    var kind: Kind
    var payload: ByteBuffer

    /// The payload as a string (valid UTF-8 for text messages: the assembler checked it).
    var text: String { String(buffer: payload) }
}
