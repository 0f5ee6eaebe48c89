import NIOCore
import Testing

@testable import WebSocketCore

@Suite struct HandshakeTests {
    @Test func computesTheRFCAcceptValue() {
        #expect(HandshakeKey.acceptValue(for: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test func sha1MatchesTheStandardVectors() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format2: $0) }.joined() }
        #expect(hex(SHA1.digest("abc".bytes)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.digest([UInt8]())) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(
            hex(SHA1.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".bytes))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test func base64MatchesRFC4648() {
        let vectors = [
            "": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=",
            "foobar": "Zm9vYmFy",
        ]
        for (input, output) in vectors { #expect(Base64.encode(input.bytes) == output) }
    }

    @Test func generatesKeysFromTheInjectedRandomSource() {
        var first = SeededRandom(state: 42)
        var second = SeededRandom(state: 42)
        let key = HandshakeKey.generate(using: &first)
        #expect(key == HandshakeKey.generate(using: &second))
        #expect(key.count == 24 && key.hasSuffix("=="))
        #expect(HandshakeKey.generate() != HandshakeKey.generate())
    }

    @Test func buildsTheRequestInOrderWithOverrides() {
        let request = HandshakeRequest.make(
            host: "example.com:9001", path: "/chat?room=1", key: "dGhlIHNhbXBsZSBub25jZQ==",
            subprotocols: ["chat.v2", "chat.v1"], origin: "https://example.com", extensions: ["permessage-deflate"],
            extraHeaders: [("Authorization", "Bearer x"), ("sec-websocket-version", "8"), ("X-B", "2")])
        let text = String(buffer: request.serialized())
        #expect(
            text == """
                GET /chat?room=1 HTTP/1.1\r
                Host: example.com:9001\r
                Upgrade: websocket\r
                Connection: Upgrade\r
                Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r
                sec-websocket-version: 8\r
                Origin: https://example.com\r
                Sec-WebSocket-Protocol: chat.v2, chat.v1\r
                Sec-WebSocket-Extensions: permessage-deflate\r
                Authorization: Bearer x\r
                X-B: 2\r
                \r

                """)
    }

    func response(_ status: Int, _ headers: [(String, String)]) -> HTTPResponseHead {
        HTTPResponseHead(status: status, headers: HTTPHeaderList(headers.map { (name: $0.0, value: $0.1) }))
    }

    let key = "dGhlIHNhbXBsZSBub25jZQ=="
    var good: [(String, String)] {
        [
            ("upgrade", "WebSocket"), ("Connection", "keep-alive, Upgrade"),
            ("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="),
        ]
    }

    @Test func acceptsAValidUpgrade() {
        let verdict = HandshakeChecker.verdict(
            for: response(101, good + [("Sec-WebSocket-Protocol", "chat.v1")]),
            key: key, offeredSubprotocols: ["chat.v2", "chat.v1"],
            offeredExtensions: [])
        #expect(verdict == .upgraded(subprotocol: "chat.v1", extensions: []))
    }

    @Test func reportsRefusalsAndInvalidAnswers() {
        func verdict(
            _ status: Int, _ headers: [(String, String)], protocols: [String] = [],
            extensions: [String] = []
        ) -> HandshakeVerdict {
            HandshakeChecker.verdict(
                for: response(status, headers), key: key, offeredSubprotocols: protocols,
                offeredExtensions: extensions)
        }
        #expect(verdict(403, good) == .refused(status: 403))
        func reason(_ verdict: HandshakeVerdict) -> String {
            if case .invalid(let reason) = verdict { return reason }
            return "not invalid: \(verdict)"
        }
        #expect(reason(verdict(101, Array(good.dropFirst()))).contains("missing Upgrade"))
        #expect(reason(verdict(101, [good[0], good[2]])).contains("missing Connection"))
        #expect(reason(verdict(101, [good[0], good[1]])).contains("missing Sec-WebSocket-Accept"))
        #expect(
            reason(verdict(101, [good[0], good[1], ("Sec-WebSocket-Accept", "AAAA")])).contains(
                "bad Sec-WebSocket-Accept"))
        #expect(
            reason(verdict(101, good + [("Sec-WebSocket-Protocol", "x")], protocols: ["y"])).contains("not offered"))
        #expect(reason(verdict(101, good + [("Sec-WebSocket-Extensions", "permessage-deflate")])).contains("extension"))
        #expect(
            verdict(
                101, good + [("Sec-WebSocket-Extensions", "permessage-deflate; server_no_context_takeover")],
                extensions: ["permessage-deflate; client_max_window_bits"])
                == .upgraded(subprotocol: nil, extensions: ["permessage-deflate; server_no_context_takeover"]))
    }
}

extension String {
    init(format2 byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
