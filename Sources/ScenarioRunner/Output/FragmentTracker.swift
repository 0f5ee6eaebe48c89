/// Remembers, for one direction of one connection, whether the fragmented message in progress is text or
/// binary, so that its continuation frames are rendered like it: a binary message's fragments as `base64`,
/// a text message's as `text` when the fragment is valid UTF-8 on its own.
struct FragmentTracker: Sendable {
    /// Whether the message being continued is text; nil when no fragmented message is in progress.
    private var continuingText: Bool?

    /// Whether `frame`'s payload should be shown as text when it is valid UTF-8; updates the state.
    mutating func prefersText(_ frame: FrameRecord) -> Bool {
        switch frame.opcode {
        case 0x1, 0x2:
            let isText = frame.opcode == 0x1
            continuingText = frame.fin ? nil : isText
            return isText
        case 0x0:
            // A continuation without a first frame (a protocol violation) is shown as text when it can be.
            let isText = continuingText ?? true
            if frame.fin { continuingText = nil }
            return isText
        default:
            return frame.opcode != 0x2
        }
    }
}
