import NIOCore
import Testing

@testable import WebSocketCore

@Suite struct FrameEncoderTests {
    @Test func encodesAMaskedTextFrameAsInTheRFC() {
        var out = ByteBuffer()
        FrameEncoder.encode(opcode: .text, payload: ByteBuffer(string: "Hello"), maskingKey: 0x37fa_213d, into: &out)
        #expect(Array(out.readableBytesView) == [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58])
    }

    @Test func encodesUnmaskedFramesWithEveryLengthForm() {
        for (length, header) in [
            (125, [0x82, 125]), (126, [0x82, 126, 0, 126]), (65535, [0x82, 126, 0xFF, 0xFF]),
            (65536, [0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0]),
        ] as [(Int, [UInt8])] {
            var out = ByteBuffer()
            let payload = ByteBuffer(repeating: 0x55, count: length)
            FrameEncoder.encode(opcode: .binary, payload: payload, maskingKey: nil, into: &out)
            #expect(Array(out.readableBytesView.prefix(header.count)) == header)
            #expect(out.readableBytes == header.count + length)
            #expect(FrameEncoder.headerSize(length: UInt64(length), masked: false) == header.count)
        }
    }

    @Test func masksLongPayloadsAndTheParserUndoesIt() throws {
        let text = String(repeating: "0123456789abcdef", count: 100) + "xyz"
        var out = ByteBuffer()
        FrameEncoder.encode(opcode: .text, payload: ByteBuffer(string: text), maskingKey: 0xDEAD_BEEF, into: &out)
        var parser = FrameParser(configuration: .init(expectMasked: true))
        parser.append(out)
        let frame = try #require(try parser.nextFrame())
        #expect(String(buffer: frame.payload) == text)
    }

    @Test func encodesRawFramesExactlyAsDescribed() {
        let raw = RawFrame(
            opcode: WebSocketOpcode(rawValue: 0xB), fin: false, rsv: 0b101, masked: false,
            payload: ByteBuffer(bytes: [0xC3, 0x28]), lengthOverride: 127)
        let bytes = Array(FrameEncoder.encode(raw, randomKey: { 0 }).readableBytesView)
        #expect(bytes == [0x5B, 126, 0x00, 0x7F, 0xC3, 0x28])
        let masked = RawFrame(opcode: .text, payload: ByteBuffer(string: "Hello"))
        let maskedBytes = Array(FrameEncoder.encode(masked, randomKey: { 0x37fa_213d }).readableBytesView)
        #expect(maskedBytes == [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58])
    }

    @Test func namesOpcodesForTranscripts() {
        #expect(WebSocketOpcode.continuation.name == "continuation")
        #expect(WebSocketOpcode.pong.name == "pong")
        #expect(WebSocketOpcode(rawValue: 3).name == "0x3")
        #expect(WebSocketOpcode(rawValue: 0xF).isControl && WebSocketOpcode(rawValue: 0xF).isReserved)
    }
}
