import Testing

@testable import TestServer

/// The fail-fast UTF-8 watcher on raw client bytes, without sockets: frames split at every byte, masked and not,
/// fragmented messages with control frames between their fragments, binary and compressed messages left alone.
@Suite struct TextPayloadWatcherTests {
    /// A client frame on the wire (masked with `key`, or unmasked without one).
    static func frame(
        _ opcode: UInt8, _ payload: [UInt8], fin: Bool = true, rsv1: Bool = false, key: [UInt8]? = [1, 2, 3, 4]
    ) -> [UInt8] {
        RawFrame(
            fin: fin, rsv: rsv1 ? 0b100 : 0, opcode: opcode, masked: key != nil, payload: payload,
            maskKey: key ?? [0, 0, 0, 0]
        ).encoded()
    }

    /// Feeds `bytes` in pieces of `piece` bytes; the number of bytes fed when the watcher failed, or nil.
    static func failure(_ bytes: [UInt8], piece: Int) -> Int? {
        var watcher = TextPayloadWatcher()
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + piece)
            let ok = bytes[start..<end].withUnsafeBytes { watcher.consume($0) }
            if !ok { return end }
            start = end
        }
        return nil
    }

    static let valid = Array("héllo wörld, ☃ and 😀 in a text long enough to be split".utf8)

    @Test(arguments: [1, 2, 3, 7, 64, 1000])
    func validStreamsPass(piece: Int) {
        let long = Array(repeating: Self.valid, count: 3000).flatMap { $0 }  // 64-bit length
        let stream =
            Self.frame(1, Self.valid) + Self.frame(1, Array(Self.valid[..<7]), fin: false)
            + Self.frame(9, [0xFF, 0xFE]) + Self.frame(0, Array(Self.valid[7...]), fin: true)
            + Self.frame(2, [0xFF, 0xC3]) + Self.frame(1, [], key: nil) + Self.frame(1, long)
            + Self.frame(8, [0x03, 0xE8])
        #expect(Self.failure(stream, piece: piece) == nil)
    }

    @Test(arguments: [1, 5, 64])
    func invalidBytesFailAsSoonAsTheyArrive(piece: Int) {
        let prefix = Self.frame(1, Self.valid)
        let bad = Array(repeating: UInt8(ascii: "a"), count: 100) + [0xC3, 0x28] + Array(repeating: 0x61, count: 900)
        let stream = prefix + Self.frame(1, bad)
        let failedAt = Self.failure(stream, piece: piece)
        // The bad byte (0x28 after 0xC3) is at 2 (header) + 2 (length) + 4 (key) + 101 into the second frame.
        let badByte = prefix.count + 8 + 101
        #expect(
            failedAt != nil && failedAt! > badByte && failedAt! <= badByte + piece, "\(String(describing: failedAt))")
    }

    /// The eight-bytes-at-a-time ASCII path must not skip a bad byte at any alignment or key offset.
    @Test func aBadByteAfterAnyASCIIRunIsFound() {
        for run in 0..<24 {
            for bad in [[0xFF], [0xC3, 0x41], [0x80], [0xED, 0xA0, 0x80]] as [[UInt8]] {
                let payload = Array(repeating: UInt8(ascii: "a"), count: run) + bad + Array("tail of text".utf8)
                for piece in [1, 3, 1000] {
                    #expect(Self.failure(Self.frame(1, payload), piece: piece) != nil, "\(run) \(bad) \(piece)")
                }
                let good = Array(repeating: UInt8(ascii: "a"), count: run) + Array("é€😀".utf8) + [0x61]
                #expect(Self.failure(Self.frame(1, good), piece: 3) == nil, "\(run)")
            }
        }
    }

    @Test func aContinuationIsValidatedWithTheStateOfItsMessage() {
        let euro: [UInt8] = [0xE2, 0x82, 0xAC]
        let good = Self.frame(1, [euro[0]], fin: false) + Self.frame(10, []) + Self.frame(0, [euro[1], euro[2]])
        #expect(Self.failure(good, piece: 1) == nil)
        let bad = Self.frame(1, [euro[0]], fin: false) + Self.frame(0, [0x41], fin: true)
        #expect(Self.failure(bad, piece: 1) != nil)
    }

    @Test func binaryCompressedAndOddFramesAreLeftToTheSession() {
        let binary = Self.frame(2, [0xC3], fin: false) + Self.frame(0, [0x28], fin: true)
        let compressed = Self.frame(1, [0xC3, 0x28, 0xFF], rsv1: true)
        // A data frame inside a fragmented message: the decoder rejects it; the watcher stops watching.
        let odd = Self.frame(1, [0x61], fin: false) + Self.frame(1, [0xFF])
        for stream in [binary, compressed, odd] { #expect(Self.failure(stream, piece: 1) == nil) }
        // An unmasked client frame is still watched (the decoder rejects it anyway).
        #expect(Self.failure(Self.frame(1, [0xFF], key: nil), piece: 1) != nil)
    }
}
