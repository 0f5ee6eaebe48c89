import NIOCore
import Testing

@testable import WebSocketCore

/// The sixth QA pass on the opening handshake: what a 101 must look like (RFC 6455 §4.1, RFC 9110 §7.8) and what
/// the response parser tolerates (interim answers, bare line feeds, a refusal cut short).
@Suite struct StrictHandshakeTests {
    let key = "dGhlIHNhbXBsZSBub25jZQ=="
    let accept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="

    func verdict(_ headers: [(String, String)], version: String = "HTTP/1.1", offered: [String] = [])
        -> HandshakeVerdict
    {
        let head = HTTPResponseHead(
            version: version, status: 101, reason: "Switching Protocols",
            headers: HTTPHeaderList(headers.map { (name: $0.0, value: $0.1) }))
        return HandshakeChecker.verdict(for: head, key: key, offeredSubprotocols: offered, offeredExtensions: [])
    }

    var good: [(String, String)] {
        [("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Accept", accept)]
    }

    @Test func a101MustBeHTTP11WithUpgradeExactlyWebsocket() {
        #expect(verdict(good) == .upgraded(subprotocol: nil, extensions: []))
        #expect(
            verdict(good, version: "HTTP/1.0")
                == .invalid(reason: "101 answered as HTTP/1.0: switching protocols needs HTTP/1.1"))
        var listed = good
        listed[0] = ("Upgrade", "websocket, h2c")
        #expect(verdict(listed) == .invalid(reason: "Upgrade header is \"websocket, h2c\", not \"websocket\""))
    }

    @Test func aRepeatedAcceptAndAnEmptySubprotocolAreNamedAsSuch() {
        #expect(
            verdict(good + [("Sec-WebSocket-Accept", accept)])
                == .invalid(
                    reason: "Sec-WebSocket-Accept sent 2 times (it must appear once): \"\(accept)\", \"\(accept)\""))
        #expect(
            verdict(good + [("Sec-WebSocket-Protocol", " ")], offered: ["chat.v1"])
                == .invalid(
                    reason: "empty Sec-WebSocket-Protocol header: a server that selects no subprotocol leaves it out"))
        #expect(
            verdict(good + [("Sec-WebSocket-Protocol", "chat.v1")], offered: ["chat.v1"])
                == .upgraded(subprotocol: "chat.v1", extensions: []))
    }

    func parse(_ text: String, chunk: Int) throws -> (HTTPResponseHead, [UInt8])? {
        var parser = HTTPResponseParser()
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let end = min(index + chunk, bytes.count)
            if case .complete(let head, let leftover) = try parser.feed(ByteBuffer(bytes: bytes[index..<end])) {
                return (head, Array(leftover.readableBytesView) + Array(bytes[end...]))
            }
            index = end
        }
        return nil
    }

    @Test(arguments: [1, 7, 1000])
    func interimAnswersAreSkippedAndBareLineFeedsAccepted(chunk: Int) throws {
        let interim = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
        let final = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\u{81}\u{01}x"
        let (head, leftover) = try #require(try parse(interim + final, chunk: chunk))
        #expect(head.status == 101 && head.headers.first("Upgrade") == "websocket" && head.headers.first("Link") == nil)
        #expect(leftover == [0xC2, 0x81, 0x01, 0x78])  // "\u{81}" is two bytes in UTF-8: the frame bytes as sent
        let bare = "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n\nAB"
        let (lf, rest) = try #require(try parse(bare, chunk: chunk))
        #expect(lf.reason == "Switching Protocols" && lf.headers.first("Connection") == "Upgrade")
        #expect(rest == Array("AB".utf8))
    }

    @Test func aRefusalCutShortIsStillKnownByItsHead() throws {
        var parser = HTTPResponseParser()
        let text = "HTTP/1.1 403 Forbidden\r\nContent-Length: 100\r\n\r\npartial"
        #expect(parser.partialResponse == nil)
        #expect(try parser.feed(ByteBuffer(string: text)) == .needMoreData)
        let partial = try #require(parser.partialResponse)
        #expect(partial.status == 403 && partial.bodyTruncated)
        #expect(String(buffer: partial.body) == "partial")
    }
}
