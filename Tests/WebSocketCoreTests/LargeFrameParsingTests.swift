import NIOCore
import Testing
import WebSocketCore

/// Large frames arriving in many reads (the parser reserves room for the whole frame once).
@Suite struct LargeFrameParsingTests {
    private static func encoded(_ payload: [UInt8], maskingKey: UInt32?) -> ByteBuffer {
        var out = ByteBuffer()
        FrameEncoder.encode(opcode: .binary, payload: ByteBuffer(bytes: payload), maskingKey: maskingKey, into: &out)
        return out
    }

    @Test(arguments: [65_536, 4_096, 1_000, 7])
    func aOneMebibyteFrameInPiecesComesOutWhole(piece: Int) throws {
        let payload = (0..<(1 << 20) + 3).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for (key, expectMasked) in [(nil, false), (UInt32(0x1234_5678), true)] as [(UInt32?, Bool)] {
            var wire = LargeFrameParsingTests.encoded(payload, maskingKey: key)
            // Two frames back to back: the second starts in the last piece of the first.
            wire.writeImmutableBuffer(LargeFrameParsingTests.encoded([1, 2, 3], maskingKey: key))
            var parser = FrameParser(configuration: .init(expectMasked: expectMasked, maxFrameSize: 2 << 20))
            var frames: [WebSocketFrame] = []
            while wire.readableBytes > 0 {
                parser.append(wire.readSlice(length: min(piece, wire.readableBytes))!)
                while let frame = try parser.nextFrame() { frames.append(frame) }
            }
            #expect(frames.count == 2)
            #expect(frames.first.map { Array($0.payload.readableBytesView) } == payload)
            #expect(frames.last.map { Array($0.payload.readableBytesView) } == [1, 2, 3])
        }
    }

    @Test func aLyingLengthIsRejectedWithoutWaitingForItsPayload() {
        var parser = FrameParser(configuration: .init(maxFrameSize: 1 << 20))
        // 64-bit length of 2^40 bytes, sent in two pieces.
        parser.append(ByteBuffer(bytes: [0x82, 127, 0, 0, 1]))
        parser.append(ByteBuffer(bytes: [0, 0, 0, 0, 0, 9, 9]))
        #expect(throws: ProtocolViolation.self) { try parser.nextFrame() }
    }
}
