import NIOCore
import Testing

@testable import WebSocketCore

@Suite struct HTTPResponseParserTests {
    /// Feeds `text` in chunks of `chunk` bytes; returns the first complete result.
    func parse(_ bytes: [UInt8], chunk: Int, endOfInput: Bool = false) throws -> (HTTPResponseHead, [UInt8])? {
        var parser = HTTPResponseParser(maxBodySize: 64)
        var index = 0
        while index < bytes.count {
            let end = min(index + chunk, bytes.count)
            if case .complete(let head, let leftover) = try parser.feed(buffer(Array(bytes[index..<end]))) {
                return (head, Array(leftover.readableBytesView) + Array(bytes[end...]))
            }
            index = end
        }
        if endOfInput { return (try parser.endOfInput(), []) }
        return nil
    }

    @Test(arguments: [1, 5, 1000])
    func keepsFrameBytesThatFollowA101(chunk: Int) throws {
        let head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nX-Case: MiXeD\r\n\r\n".bytes
        let (response, leftover) = try #require(try parse(head + [0x81, 0x02, 0x68, 0x69], chunk: chunk))
        #expect(response.status == 101)
        #expect(response.reason == "Switching Protocols")
        #expect(response.headers.fields.map(\.name) == ["Upgrade", "X-Case"])
        #expect(response.headers.first("x-case") == "MiXeD")
        #expect(leftover == [0x81, 0x02, 0x68, 0x69])
    }

    @Test(arguments: [1, 1000])
    func readsAContentLengthBody(chunk: Int) throws {
        let text = "HTTP/1.1 403 Forbidden\r\nWWW-Authenticate: Bearer\r\nContent-Length: 9\r\n\r\nforbiddenEXTRA"
        let (response, leftover) = try #require(try parse(text.bytes, chunk: chunk))
        #expect(response.status == 403)
        #expect(response.bodyText == "forbidden")
        #expect(response.headers.first("WWW-Authenticate") == "Bearer")
        #expect(leftover == "EXTRA".bytes)
    }

    @Test(arguments: [1, 3, 1000])
    func readsAChunkedBody(chunk: Int) throws {
        let text =
            "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nnope\r\n7\r\n, sorry\r\n0\r\n\r\n"
        let (response, _) = try #require(try parse(text.bytes, chunk: chunk))
        #expect(response.bodyText == "nope, sorry")
    }

    @Test func readsABodyUntilTheConnectionEnds() throws {
        let text = "HTTP/1.0 500 Oops\r\nServer: x\r\n\r\nsomething broke"
        #expect(try parse(text.bytes, chunk: 4) == nil)
        let (response, _) = try #require(try parse(text.bytes, chunk: 4, endOfInput: true))
        #expect(response.version == "HTTP/1.0")
        #expect(response.bodyText == "something broke")
    }

    @Test func cutsLongBodies() throws {
        let text = "HTTP/1.1 404 Not Found\r\nContent-Length: 100000\r\n\r\n" + String(repeating: "x", count: 100)
        let (response, _) = try #require(try parse(text.bytes, chunk: 7))
        #expect(response.body.readableBytes == 64)
        #expect(response.bodyTruncated)
    }

    @Test func rejectsGarbage() {
        #expect(throws: HTTPResponseParseError.self) { try parse("SSH-2.0-OpenSSH\r\n\r\n".bytes, chunk: 100) }
        #expect(throws: HTTPResponseParseError.self) {
            try parse("HTTP/1.1 101 OK\r\nNoColon\r\n\r\n".bytes, chunk: 100)
        }
        var parser = HTTPResponseParser(maxHeadSize: 100)
        #expect(throws: HTTPResponseParseError.self) {
            try parser.feed(ByteBuffer(string: "HTTP/1.1 200 OK\r\n" + String(repeating: "X-A: b\r\n", count: 50)))
        }
        var incomplete = HTTPResponseParser()
        #expect(throws: HTTPResponseParseError.self) { try incomplete.endOfInput() }
    }

    @Test func theAnswerToHEADHasNoBodyWhateverItsHeadersSay() throws {
        var parser = HTTPResponseParser(bodyless: true)
        let result = try parser.feed(ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n"))
        guard case .complete(let response, let leftover) = result else {
            Issue.record("a HEAD answer waited for a body")
            return
        }
        #expect(response.status == 200)
        #expect(response.body.readableBytes == 0)
        #expect(leftover.readableBytes == 0)
    }

    @Test func plainRequestsCarryHostTheirHeadersThenWhatIsMissing() {
        let post = HTTPRequest.make(
            method: "POST", host: "127.0.0.1:9001", target: "/login",
            extraHeaders: [("X-A", "1"), ("user-agent", "qa-bot"), ("HOST", "api.test")],
            body: Array("{}".utf8), contentType: "application/json")
        #expect(
            String(buffer: post.serialized())
                == "POST /login HTTP/1.1\r\nHOST: api.test\r\nX-A: 1\r\nuser-agent: qa-bot\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nAccept: */*\r\nConnection: close\r\n\r\n{}")
        let get = HTTPRequest.make(method: "GET", host: "h", target: "", contentType: "application/json")
        #expect(
            String(buffer: get.serialized())
                == "GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: wscenario\r\nAccept: */*\r\nConnection: close\r\n\r\n")
        // An empty POST still says its length (servers may answer 411 otherwise).
        let emptyPost = HTTPRequest.make(method: "POST", host: "h", target: "/x")
        #expect(emptyPost.headers.first("Content-Length") == "0")
    }
}
