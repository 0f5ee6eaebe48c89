import NIOCore
import Testing

@testable import WebSocketCore

@Suite struct FrameParserTests {
    /// Several unmasked server frames: text "Hello", a 200-byte binary (16-bit length), a 70000-byte binary
    /// (64-bit length), a ping.
    static let stream: [UInt8] = {
        var bytes: [UInt8] = [0x81, 0x05] + "Hello".bytes
        bytes += [0x82, 126, 0x00, 200] + [UInt8](repeating: 7, count: 200)
        bytes += [0x82, 127, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70] + [UInt8](repeating: 9, count: 70000)
        bytes += [0x89, 0x02, 0x61, 0x62]
        return bytes
    }()

    @Test func parsesFramesInOneRead() throws {
        let (frames, error) = parseAll(Self.stream, chunk: Self.stream.count)
        #expect(error == nil)
        #expect(frames.map(\.opcode) == [.text, .binary, .binary, .ping])
        #expect(frames.map(\.payload.readableBytes) == [5, 200, 70000, 2])
        #expect(String(buffer: frames[0].payload) == "Hello")
        #expect(frames.allSatisfy { $0.fin && $0.rsv == 0 && !$0.isMasked })
    }

    @Test(arguments: [1, 2, 3, 7, 125, 4096])
    func parsesTheSameFramesWhateverTheSplit(chunk: Int) throws {
        let whole = parseAll(Self.stream, chunk: Self.stream.count).frames
        let (frames, error) = parseAll(Self.stream, chunk: chunk)
        #expect(error == nil)
        #expect(frames == whole)
    }

    @Test func unmasksClientFramesAndRoundTripsTheEncoder() throws {
        // RFC 6455 §5.7: a masked "Hello".
        let bytes: [UInt8] = [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58]
        let (frames, error) = parseAll(bytes, chunk: 1, configuration: .init(expectMasked: true))
        #expect(error == nil)
        #expect(frames.count == 1)
        #expect(String(buffer: frames[0].payload) == "Hello")
        #expect(frames[0].maskingKey == 0x37fa_213d)
        #expect(Array(FrameEncoder.encode(frames[0]).readableBytesView) == bytes)
    }

    @Test func rejectsAMaskedServerFrame() {
        let (_, error) = parseAll([0x81, 0x81, 1, 2, 3, 4, 0x41], chunk: 1)
        #expect(error?.closeCode == 1002)
        #expect(error?.message.contains("masked") == true)
    }

    @Test func rejectsAnUnmaskedClientFrameOnTheServerSide() {
        let (_, error) = parseAll([0x81, 0x01, 0x41], chunk: 3, configuration: .init(expectMasked: true))
        #expect(error?.closeCode == 1002)
    }

    @Test(arguments: [UInt8(3), 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF])
    func rejectsReservedOpcodes(opcode: UInt8) {
        let (_, error) = parseAll([0x80 | opcode, 0x00], chunk: 2)
        #expect(error?.closeCode == 1002)
        #expect(error?.message.contains("reserved opcode") == true)
    }

    @Test func rejectsRSVBitsUnlessAllowed() {
        let rsv1Frame: [UInt8] = [0xC1, 0x01, 0x41]
        let (_, error) = parseAll(rsv1Frame, chunk: 3)
        #expect(error?.message.contains("RSV1") == true)
        let (frames, allowedError) = parseAll(rsv1Frame, chunk: 3, configuration: .init(allowedRSV: 0b100))
        #expect(allowedError == nil)
        #expect(frames.first?.rsv == 0b100)
        let (_, rsv2Error) = parseAll([0xA1, 0x00], chunk: 2, configuration: .init(allowedRSV: 0b100))
        #expect(rsv2Error?.message.contains("RSV2") == true)
    }

    @Test func rejectsFragmentedAndLongControlFrames() {
        let (_, fragmented) = parseAll([0x09, 0x00], chunk: 2)
        #expect(fragmented?.message.contains("fragmented control") == true)
        let (_, long) = parseAll([0x89, 126, 0x00, 126] + [UInt8](repeating: 0, count: 126), chunk: 200)
        #expect(long?.closeCode == 1002)
        #expect(long?.message.contains("exceeds 125") == true)
    }

    @Test func rejectsAHugeLengthWithoutWaitingForThePayload() {
        // 2^40 bytes announced; only the 10 header bytes are ever fed.
        let header: [UInt8] = [0x82, 127, 0, 0, 0x01, 0, 0, 0, 0, 0]
        let (_, error) = parseAll(header, chunk: 1)
        #expect(error?.closeCode == 1009)
        #expect(error?.message.contains("1099511627776") == true)
    }

    @Test func rejectsA64BitLengthWithTheHighBitSet() {
        let (_, error) = parseAll(
            [0x82, 127, 0x80, 0, 0, 0, 0, 0, 0, 1], chunk: 10,
            configuration: .init(maxFrameSize: .max))
        #expect(error?.closeCode == 1002)
    }

    @Test func enforcesTheConfiguredFrameSize() {
        let (frames, error) = parseAll(
            [0x82, 0x05, 1, 2, 3, 4, 5, 0x82, 0x06, 1, 2, 3, 4, 5, 6], chunk: 4,
            configuration: .init(maxFrameSize: 5))
        #expect(frames.count == 1)
        #expect(error?.closeCode == 1009)
    }

    @Test func staysSilentAfterAViolation() throws {
        var parser = FrameParser()
        parser.append(buffer([0x83, 0x00, 0x81, 0x00]))
        #expect(throws: ProtocolViolation.self) { try parser.nextFrame() }
        #expect(try parser.nextFrame() == nil)
    }
}

@Suite struct LenientFrameParserTests {
    @Test func framesAnythingWhenNotStrict() {
        let bytes: [UInt8] = [0x7B, 0x81, 1, 2, 3, 4, 0x42, 0x09, 0x00]
        let (frames, error) = parseAll(bytes, chunk: 1, configuration: .init(strict: false))
        #expect(error == nil)
        #expect(frames.map(\.opcode.rawValue) == [0xB, 0x9])
        #expect(frames[0].rsv == 0b111 && frames[0].isMasked && !frames[1].fin)
        let unmasked: [UInt8] = Array(frames[0].payload.readableBytesView)
        #expect(unmasked == [0x43])
    }
}
