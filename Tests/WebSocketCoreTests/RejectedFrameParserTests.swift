import NIOCore
import Testing
import WebSocketCore

/// `FrameParser.rejectedFrame`: the frame that broke a rule, for the transcript.
@Suite struct RejectedFrameParserTests {
    /// Feeds `bytes` in chunks of `chunk`; returns the violation and the rejected frame.
    func reject(_ bytes: [UInt8], chunk: Int, configuration: FrameParserConfiguration = .init())
        -> (ProtocolViolation?, RawFrame?)
    {
        var parser = FrameParser(configuration: configuration)
        var index = 0
        while index < bytes.count {
            let end = min(index + chunk, bytes.count)
            parser.append(ByteBuffer(bytes: bytes[index..<end]))
            index = end
            do {
                while try parser.nextFrame() != nil {}
            } catch {
                return (error, parser.rejectedFrame)
            }
        }
        return (nil, parser.rejectedFrame)
    }

    @Test(arguments: [1, 2, 5, 100])
    func aReservedOpcodeFrameIsKeptWithItsPayloadWhateverTheSplit(chunk: Int) {
        let (violation, frame) = reject([0x83, 0x03, 0x61, 0x62, 0x63], chunk: chunk)
        #expect(violation?.message.contains("reserved opcode 0x3") == true)
        #expect(frame?.opcode.rawValue == 3)
        #expect(frame?.fin == true)
        #expect(frame.map { Array($0.payload.readableBytesView) } == [0x61, 0x62, 0x63])
        #expect(frame?.lengthOverride == nil)
    }

    @Test func aMaskedFrameIsKeptUnmaskedWithItsKey() {
        let (violation, frame) = reject([0x82, 0x82, 1, 2, 3, 4, 0x10 ^ 1, 0x20 ^ 2], chunk: 3)
        #expect(violation?.closeCode == 1002)
        #expect(frame?.masked == true)
        #expect(frame?.maskingKey == 0x0102_0304)
        #expect(frame.map { Array($0.payload.readableBytesView) } == [0x10, 0x20])
    }

    @Test func aViolationIsNotReportedBeforeItsPayloadArrived() throws {
        var parser = FrameParser()
        parser.append(ByteBuffer(bytes: [0xC1, 0x02, 0x61]))
        #expect(try parser.nextFrame() == nil)
        #expect(parser.partialFrame() == nil)
        parser.append(ByteBuffer(bytes: [0x62]))
        #expect(throws: ProtocolViolation.self) { try parser.nextFrame() }
        #expect(parser.rejectedFrame?.rsv == 0b100)
    }

    @Test func anAbsurdLengthIsKeptAsAHeaderWithoutPayload() {
        let (violation, frame) = reject([0x82, 127, 0, 0, 0x01, 0, 0, 0, 0, 0], chunk: 1)
        #expect(violation?.closeCode == 1009)
        #expect(frame?.opcode == .binary)
        #expect(frame?.lengthOverride == 1 << 40)
        #expect(frame?.payload.readableBytes == 0)
    }

    @Test func aValidStreamRejectsNothing() {
        let (violation, frame) = reject([0x81, 0x01, 0x61, 0x89, 0x00], chunk: 2)
        #expect(violation == nil)
        #expect(frame == nil)
    }
}
