import NIOCore
import Testing

@testable import WebSocketCore

/// The word-at-a-time masking against a byte-by-byte reference (RFC 6455 §5.3: byte i is XORed with key byte i % 4).
@Suite("Masking")
struct MaskingTests {
    static let key: UInt32 = 0x37FA_213D

    static func reference(_ bytes: [UInt8], key: UInt32) -> [UInt8] {
        let keyBytes = [UInt8(key >> 24), UInt8(key >> 16 & 0xFF), UInt8(key >> 8 & 0xFF), UInt8(key & 0xFF)]
        return bytes.enumerated().map { $0.element ^ keyBytes[$0.offset % 4] }
    }

    static func payload(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SeededRandom(state: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
    }

    @Test(arguments: 0...33)
    func inPlaceMaskingMatchesTheReferenceAtEveryOffset(length: Int) {
        let plain = MaskingTests.payload(length, seed: UInt64(length) + 1)
        // Payloads starting 0...7 bytes into the buffer: every alignment of the 8-byte words.
        for offset in 0..<8 {
            var buffer = ByteBuffer(bytes: [UInt8](repeating: 0xAA, count: offset) + plain)
            FrameMasking.apply(key: MaskingTests.key, to: &buffer, fromReadableOffset: offset)
            let bytes = Array(buffer.readableBytesView)
            #expect(Array(bytes.prefix(offset)) == [UInt8](repeating: 0xAA, count: offset), "prefix untouched")
            #expect(Array(bytes.dropFirst(offset)) == MaskingTests.reference(plain, key: MaskingTests.key))
            FrameMasking.apply(key: MaskingTests.key, to: &buffer, fromReadableOffset: offset)
            #expect(Array(buffer.readableBytesView.dropFirst(offset)) == plain, "masking twice restores the payload")
        }
    }

    @Test(arguments: 0...33)
    func copyingMaskMatchesTheReferenceForUnalignedSourcesAndTargets(length: Int) {
        let plain = MaskingTests.payload(length, seed: UInt64(length) + 100)
        for sourceOffset in 0..<4 {
            for targetOffset in [0, 1, 3, 5] {
                let source = [UInt8](repeating: 0, count: sourceOffset) + plain
                var target = [UInt8](repeating: 0x55, count: targetOffset + length + 2)
                source.withUnsafeBytes { from in
                    target.withUnsafeMutableBytes { to in
                        FrameMasking.mask(
                            key: MaskingTests.key, from: UnsafeRawBufferPointer(rebasing: from[sourceOffset...]),
                            into: UnsafeMutableRawBufferPointer(rebasing: to[targetOffset...]))
                    }
                }
                #expect(
                    Array(target[targetOffset..<(targetOffset + length)])
                        == MaskingTests.reference(plain, key: MaskingTests.key))
                #expect(target.prefix(targetOffset).allSatisfy { $0 == 0x55 })
                #expect(target.suffix(2) == [0x55, 0x55], "nothing written past the payload")
            }
        }
    }

    @Test(arguments: [0, 1, 7, 8, 9, 125, 126, 65_535, 65_536, 100_003])
    func maskedFramesRoundTripThroughTheParser(length: Int) throws {
        let plain = MaskingTests.payload(length, seed: UInt64(length) + 7)
        var encoded = ByteBuffer()
        // A header that leaves the payload at an odd address inside the buffer.
        encoded.writeInteger(UInt8(0))
        encoded.moveReaderIndex(forwardBy: 1)
        FrameEncoder.encode(
            opcode: .binary, payload: ByteBuffer(bytes: plain), maskingKey: MaskingTests.key, into: &encoded)
        let wire = Array(encoded.readableBytesView)
        let header = FrameEncoder.headerSize(length: UInt64(length), masked: true)
        #expect(wire.count == header + length)
        #expect(Array(wire.dropFirst(header)) == MaskingTests.reference(plain, key: MaskingTests.key))
        var parser = FrameParser(configuration: FrameParserConfiguration(expectMasked: true))
        parser.append(encoded)
        let frame = try #require(try parser.nextFrame())
        #expect(frame.maskingKey == MaskingTests.key)
        #expect(Array(frame.payload.readableBytesView) == plain)
    }
}
