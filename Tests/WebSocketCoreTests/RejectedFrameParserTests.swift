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

    /// RFC 6455 §5.2: the minimal number of bytes MUST be used for the payload length; a 16-bit length under 126
    /// or a 64-bit length under 65,536 is a protocol violation (1002), the frame kept with its payload.
    @Test(arguments: [1, 3, 100])
    func aNonMinimalLengthIsAViolation(chunk: Int) {
        let (violation16, frame16) = reject([0x81, 126, 0, 2, 0x68, 0x69], chunk: chunk)
        #expect(violation16?.closeCode == 1002)
        #expect(violation16?.message == "payload length 2 written in 16 bits (a shorter length field holds it)")
        #expect(frame16.map { Array($0.payload.readableBytesView) } == [0x68, 0x69])
        let (violation64, _) = reject(
            [0x82, 127, 0, 0, 0, 0, 0, 0, 0x01, 0x00] + [UInt8](repeating: 7, count: 256),
            chunk: chunk)
        #expect(violation64?.message == "payload length 256 written in 64 bits (a shorter length field holds it)")
        let (minimal, _) = reject([0x82, 126, 0, 126] + [UInt8](repeating: 1, count: 126), chunk: chunk)
        #expect(minimal == nil, "126 needs the 16-bit form")
        let (minimal64, _) = reject(
            [0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0] + [UInt8](repeating: 1, count: 65_536), chunk: max(chunk, 1000))
        #expect(minimal64 == nil, "65,536 needs the 64-bit form")
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
