import EngineTestSupport
import Foundation
import Testing

@testable import TestServer

/// RFC 6455 §4.2.1: the built-in server upgrades only a GET over HTTP/1.1 or later with a 16-byte key, and says
/// what is wrong otherwise (400), so that it can serve as a reference for client tests.
@Suite struct StrictUpgradeTests {
    static func request(method: String = "GET", version: String = "HTTP/1.1", key: String = "dGhlIHNhbXBsZSBub25jZQ==")
        -> [UInt8]
    {
        Array(
            ("\(method) /echo \(version)\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0\r\n\r\n").utf8)
    }

    @Test func invalidOpeningHandshakesAreRefusedWithTheReason() async throws {
        try await withServer { server in
            let cases: [([UInt8], String)] = [
                (
                    Self.request(method: "POST"),
                    "invalid WebSocket handshake: the opening handshake must be a GET, not POST"
                ),
                (Self.request(version: "HTTP/1.0"), "the opening handshake needs HTTP/1.1 or later, not HTTP/1.0"),
                (Self.request(key: "abc"), "Sec-WebSocket-Key \"abc\" is not 16 bytes in base64"),
            ]
            for (request, reason) in cases {
                let socket = try RawSocket(port: server.port)
                try socket.write(request)
                let answer = String(decoding: try socket.readToEnd(), as: UTF8.self)
                #expect(answer.hasPrefix("HTTP/1.1 400") || answer.hasPrefix("HTTP/1.0 400"), "\(answer)")
                #expect(answer.contains(reason), "\(answer)")
            }
            let good = try RawSocket(port: server.port)
            try good.write(Self.request())
            let head = String(decoding: try good.read(until: Array("\r\n\r\n".utf8)), as: UTF8.self)
            #expect(head.hasPrefix("HTTP/1.1 101"), "\(head)")
        }
    }

    @Test func aMissingKeyIsLeftToNIOsUpgrader() {
        #expect(UpgradeRequestCheck.problem(.init(version: .http1_1, method: .GET, uri: "/")) == nil)
    }
}
