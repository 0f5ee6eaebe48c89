import EngineTestSupport
import NIOCore
import NIOWebSocket
import Testing

@testable import TestServer

/// The server's word-at-a-time unmasking and ASCII-skipping UTF-8 check must give exactly the bytes and verdicts of
/// the byte-by-byte versions, for every length, key and split point.
@Suite struct UnmaskingTests {
    /// Payload bytes that differ at every position (so a misplaced key byte shows).
    static func payload(_ count: Int, seed: Int = 0) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ seed &* 17 &+ 7) }
    }

    /// Where two byte arrays first differ (a short failure message instead of two huge arrays), nil when equal.
    static func firstDifference(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int? {
        guard lhs != rhs else { return nil }
        return zip(lhs, rhs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(lhs.count, rhs.count)
    }

    static let keys: [[UInt8]] = [[0x37, 0xFA, 0x21, 0x3D], [0x01, 0x02, 0x03, 0x04], [0xFF, 0x00, 0x80, 0x7F]]

    @Test func unmaskMatchesTheByteByByteTransformForEveryLengthKeyAndOffset() {
        for key in Self.keys {
            let maskingKey = WebSocketMaskingKey(key)!
            for count in 0...40 {
                let plain = Self.payload(count, seed: count)
                for offset in 0..<4 {
                    let masked = plain.enumerated().map { $0.element ^ key[($0.offset + offset) % 4] }
                    var buffer = ByteBuffer(bytes: [0xAA, 0xBB] + masked)
                    buffer.moveReaderIndex(forwardBy: 2)  // a slice not at the start of its storage
                    let unmasked = FrameUnmasking.unmask(buffer, key: maskingKey, keyOffset: offset)
                    #expect(Array(unmasked.readableBytesView) == plain, "count \(count), offset \(offset)")
                    #expect(Array(buffer.readableBytesView) == masked, "the source stays untouched")
                }
            }
        }
    }

    @Test func maskedBinaryOfEveryLengthIsEchoedExactly() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/echo")
            for count in Array(0...33) + [125, 126, 127, 1000, 65535, 65536, 65537, 100_003] {
                let payload = Self.payload(count, seed: count)
                var frame = RawFrame.binary(payload)
                frame.maskKey = Self.keys[count % Self.keys.count]
                try client.send(frame)
                let message = try client.readMessage()
                #expect(message.opcode == 2)
                #expect(message.payload.count == count)
                #expect(Self.firstDifference(message.payload, payload) == nil, "length \(count)")
            }
        }
    }

    @Test func fragmentedBinaryOfOddSizesIsEchoedAsOneMessage() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/echo")
            for sizes in [[1, 1, 1], [7, 13, 33], [3, 0, 5], [1001, 9, 70_001]] {
                let payload = Self.payload(sizes.reduce(0, +), seed: sizes[0])
                var start = 0
                for (index, size) in sizes.enumerated() {
                    let chunk = Array(payload[start..<start + size])
                    start += size
                    var frame = RawFrame(
                        fin: index == sizes.count - 1, opcode: index == 0 ? 2 : 0, masked: true, payload: chunk)
                    frame.maskKey = Self.keys[index % Self.keys.count]
                    try client.send(frame)
                }
                let message = try client.readMessage()
                #expect(message.opcode == 2)
                #expect(Self.firstDifference(message.payload, payload) == nil, "fragments \(sizes)")
            }
        }
    }

    @Test func textSplitInsideCharactersAfterLongASCIIRunsIsEchoed() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/echo")
            let text = String(repeating: "abcdefgh", count: 5) + "é€😀" + String(repeating: "xyz", count: 9) + "ü"
            let bytes = Array(text.utf8)
            for split in [1, 7, 8, 9, 40, 41, 42, 45, 47, bytes.count - 1] {
                try client.send(RawFrame(fin: false, opcode: 1, masked: true, payload: Array(bytes[..<split])))
                try client.send(.continuation(Array(bytes[split...]), fin: true))
                #expect(try client.readText() == text, "split at \(split)")
            }
        }
    }

    /// Bad sequences: a byte never valid, a lead byte followed by ASCII, a lone continuation byte, a surrogate.
    static let badSequences: [[UInt8]] = [[0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80]]

    @Test(arguments: [0, 1, 7, 8, 15, 16, 17, 31])
    func invalidUTF8AfterAnASCIIRunFailsWith1007(asciiCount: Int) async throws {
        try await withServer { server in
            for bad in Self.badSequences {
                let client = try TestClient(port: server.port, path: "/echo")
                // ASCII before and after, so skipping the bad bytes as ASCII would leave valid text.
                let bytes = Array(repeating: UInt8(ascii: "a"), count: asciiCount) + bad + Array("tail-of-text".utf8)
                try client.send(RawFrame(opcode: 1, masked: true, payload: bytes))
                let frame = try client.readFrame()
                #expect(frame.opcode == 8, "\(bad) after \(asciiCount) ASCII bytes")
                #expect(frame.closeCode == 1007, "\(bad) after \(asciiCount) ASCII bytes")
            }
        }
    }

    /// RFC 6455 §8.1 fail fast, as Autobahn 6.4.3 checks it: the invalid bytes arrive in the first piece of a
    /// frame whose rest never comes; the server must answer 1007 without waiting for the end of the frame.
    @Test func invalidUTF8FailsBeforeItsFrameIsComplete() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/echo")
            let payload = Array("κόσμε".utf8) + [0xCE, 0xBC, 0xCE, 0xB5, 0xED, 0xA0, 0x80] + Array("edited".utf8)
            let frame = RawFrame(opcode: 1, masked: true, payload: payload).encoded()
            try client.socket.write(Array(frame[..<(frame.count - 6)]))  // the last 6 bytes are never sent
            let answer = try client.readFrame()
            #expect(answer.opcode == 8 && answer.closeCode == 1007, "\(answer)")
            #expect(answer.closeReason == "invalid UTF-8 in a text message")
            #expect(try client.socket.readToEnd().isEmpty, "the server ends the TCP connection")
        }
    }

    @Test func textEndingInsideACharacterFailsWith1007() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/echo")
            let bytes = Array(String(repeating: "a", count: 16).utf8) + [0xE2, 0x82]
            try client.send(RawFrame(opcode: 1, masked: true, payload: bytes))
            let frame = try client.readFrame()
            #expect(frame.closeCode == 1007)
        }
    }

    @Test func pingPayloadsAndCloseReasonsOfOddLengthsComeBackExactly() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/echo")
            for count in [0, 1, 5, 9, 125] {
                let payload = Self.payload(count, seed: 3)
                var ping = RawFrame(opcode: 9, masked: true, payload: payload)
                ping.maskKey = Self.keys[2]
                try client.send(ping)
                let pong = try client.readFrame()
                #expect(pong.opcode == 10)
                #expect(pong.payload == payload)
            }
            let close = try client.close(4000, "bye: ünïcødé")
            #expect(close.closeCode == 4000)
            #expect(close.closeReason == "bye: ünïcødé")
        }
    }
}
