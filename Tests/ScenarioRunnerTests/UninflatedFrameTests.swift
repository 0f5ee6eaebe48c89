import Testing

@testable import ScenarioRunner

/// A server frame with RSV1 set whose payload was not inflated (no extension negotiated, or data that does not
/// inflate) is shown as base64: its bytes are extension data, not the message's text.
@Suite struct UninflatedFrameTests {
    static func payloadKeys(_ record: FrameRecord) -> [String] {
        record.transcriptFields(preferText: true).map(\.0).filter { $0 == "text" || $0 == "base64" }
    }

    @Test func anRSV1FrameThatWasNotInflatedIsShownAsBase64() {
        let raw = FrameRecord(opcode: 0x1, rsv: [true, false, false], payload: Array("J&^)".utf8))
        #expect(Self.payloadKeys(raw) == ["base64"])
        let inflated = FrameRecord(
            opcode: 0x1, rsv: [true, false, false], payload: Array("hello".utf8), length: 7, compressed: true)
        #expect(Self.payloadKeys(inflated) == ["text"], "an inflated frame shows its uncompressed share")
        let sent = FrameRecord(opcode: 0x1, rsv: [true, false, false], payload: Array("hello".utf8), masked: true)
        #expect(Self.payloadKeys(sent) == ["text"], "send_frame's own RSV1 frame shows the text it sent")
        let plain = FrameRecord(opcode: 0x1, payload: Array("hello".utf8))
        #expect(Self.payloadKeys(plain) == ["text"])
    }
}
