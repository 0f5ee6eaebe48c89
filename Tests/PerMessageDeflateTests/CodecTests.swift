import NIOCore
import PerMessageDeflate
import Testing

@Suite("permessage-deflate codec")
struct CodecTests {
    @Test("a message compresses without the trailer and inflates back")
    func roundTrip() throws {
        let compressor = try MessageCompressor(windowBits: 15, noContextTakeover: false)
        let decompressor = try MessageDecompressor(noContextTakeover: false)
        let text = String(repeating: "hello deflate ", count: 100)
        let wire = try compressor.compress(message: ByteBuffer(string: text))
        #expect(wire.readableBytes < text.utf8.count / 4)
        #expect(wire.getBytes(at: wire.writerIndex - 4, length: 4) != [0x00, 0x00, 0xFF, 0xFF])
        let back = try decompressor.decompress(frame: wire, final: true, limit: 1 << 20)
        #expect(String(buffer: back) == text)
    }

    @Test("RFC 7692 §7.2.3.1 example: Hello compresses to f2 48 cd c9 c9 07 00")
    func rfcExample() throws {
        let decompressor = try MessageDecompressor(noContextTakeover: false)
        let wire = ByteBuffer(bytes: [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00])
        #expect(String(buffer: try decompressor.decompress(frame: wire, final: true, limit: 100)) == "Hello")
        let compressor = try MessageCompressor(windowBits: 15, noContextTakeover: true)
        #expect(
            Array(try compressor.compress(message: ByteBuffer(string: "Hello")).readableBytesView)
                == [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00])
    }
}

@Suite("permessage-deflate context and limits")
struct CodecContextTests {
    static let message = ByteBuffer(string: String(repeating: "the same sentence, again and again. ", count: 20))

    @Test("with context takeover the second identical message is much smaller; without, it is the same")
    func contextTakeover() throws {
        let taking = try MessageCompressor(windowBits: 15, noContextTakeover: false)
        let first = try taking.compress(message: Self.message)
        let second = try taking.compress(message: Self.message)
        #expect(second.readableBytes < first.readableBytes / 2)
        let inflater = try MessageDecompressor(noContextTakeover: false)
        #expect(try inflater.decompress(frame: first, final: true, limit: 1 << 20) == Self.message)
        #expect(try inflater.decompress(frame: second, final: true, limit: 1 << 20) == Self.message)

        let resetting = try MessageCompressor(windowBits: 15, noContextTakeover: true)
        let again1 = try resetting.compress(message: Self.message)
        let again2 = try resetting.compress(message: Self.message)
        #expect(again1 == again2)
        let fresh = try MessageDecompressor(noContextTakeover: true)
        #expect(try fresh.decompress(frame: again1, final: true, limit: 1 << 20) == Self.message)
        #expect(try fresh.decompress(frame: again2, final: true, limit: 1 << 20) == Self.message)
    }

    @Test("a message that relies on the previous context fails on a decompressor that reset")
    func resetDecompressorRejectsTakeover() throws {
        let taking = try MessageCompressor(windowBits: 15, noContextTakeover: false)
        _ = try taking.compress(message: Self.message)
        let second = try taking.compress(message: Self.message)
        let fresh = try MessageDecompressor(noContextTakeover: true)
        #expect(throws: PerMessageDeflateError.self) {
            _ = try fresh.decompress(frame: second, final: true, limit: 1 << 20)
        }
    }

    @Test("invalid data is named in words; after a message, with no context takeover, the likely cause is named")
    func corruptDataMessages() throws {
        let garbage = try MessageDecompressor(noContextTakeover: false)
        #expect {
            _ = try garbage.decompress(frame: ByteBuffer(bytes: [0xFF, 0xFF, 0xFF]), final: true, limit: 1 << 20)
        } throws: { error in
            (error as? PerMessageDeflateError)?.message == "cannot decompress the message: not valid DEFLATE data"
        }
        let taking = try MessageCompressor(windowBits: 15, noContextTakeover: false)
        let first = try taking.compress(message: Self.message)
        let second = try taking.compress(message: Self.message)
        let resetting = try MessageDecompressor(noContextTakeover: true)
        #expect(try resetting.decompress(frame: first, final: true, limit: 1 << 20) == Self.message)
        #expect {
            _ = try resetting.decompress(frame: second, final: true, limit: 1 << 20)
        } throws: { error in
            let message = (error as? PerMessageDeflateError)?.message ?? ""
            return message == "cannot decompress the message: not valid DEFLATE data (refers to an earlier message? "
                + "no context takeover was agreed)" && message.utf8.count <= 123
        }
    }

    @Test("every window size compresses data that inflates back", arguments: 8...15)
    func windowBits(bits: Int) throws {
        var data = ByteBuffer()
        for index in 0..<20_000 { data.writeInteger(UInt8(truncatingIfNeeded: 65 + (index * 7) % 50)) }
        let compressor = try MessageCompressor(windowBits: bits, noContextTakeover: false)
        let decompressor = try MessageDecompressor(noContextTakeover: false)
        for _ in 0..<3 {
            let wire = try compressor.compress(message: data)
            #expect(wire.readableBytes < data.readableBytes)
            #expect(try decompressor.decompress(frame: wire, final: true, limit: 1 << 20) == data)
        }
    }

    @Test("a message split over frames inflates frame by frame to the same bytes")
    func fragments() throws {
        let compressor = try MessageCompressor(windowBits: 15, noContextTakeover: false)
        let decompressor = try MessageDecompressor(noContextTakeover: false)
        let pieces = ["hello ", "fragmented ", "world"].map { ByteBuffer(string: $0) }
        var out = ""
        for (index, piece) in pieces.enumerated() {
            let last = index == pieces.count - 1
            let wire = try compressor.compress(piece: piece, final: last)
            out += String(buffer: try decompressor.decompress(frame: wire, final: last, limit: 1000))
        }
        #expect(out == "hello fragmented world")
    }

    @Test("an empty message compresses to 00, also after other messages, and inflates to nothing")
    func emptyMessage() throws {
        let compressor = try MessageCompressor(windowBits: 15, noContextTakeover: false)
        let decompressor = try MessageDecompressor(noContextTakeover: false)
        for message in ["", "abc", "", "", "abc"] {
            let wire = try compressor.compress(message: ByteBuffer(string: message))
            if message.isEmpty { #expect(Array(wire.readableBytesView) == [0x00]) }
            #expect(String(buffer: try decompressor.decompress(frame: wire, final: true, limit: 100)) == message)
        }
    }

    @Test("a decompression bomb stops at the limit")
    func bomb() throws {
        let zeros = ByteBuffer(repeating: 0, count: 4 << 20)
        let wire = try MessageCompressor(windowBits: 15, noContextTakeover: true).compress(message: zeros)
        #expect(wire.readableBytes < 10_000)
        let decompressor = try MessageDecompressor(noContextTakeover: false)
        #expect(throws: PerMessageDeflateError.messageTooLarge(limit: 1 << 20)) {
            _ = try decompressor.decompress(frame: wire, final: true, limit: 1 << 20)
        }
        #expect(PerMessageDeflateError.messageTooLarge(limit: 1).closeCode == 1009)
    }

    @Test("garbage is corrupt data (1007)")
    func garbage() throws {
        let decompressor = try MessageDecompressor(noContextTakeover: false)
        #expect {
            _ = try decompressor.decompress(frame: ByteBuffer(bytes: [0xFF, 0xFF, 0xFF]), final: true, limit: 100)
        } throws: { error in
            (error as? PerMessageDeflateError)?.closeCode == 1007
        }
    }
}
