import EngineTestSupport
import NIOCore
import Testing
import WebSocketCore
import WebSocketEngine

/// The closing handshake against scripted servers (no peer library involved).
@Suite struct CloseHandshakeTests {
    @Test func aCloseWithoutAnswerTimesOutAsAbnormal() async throws {
        let server = try await ScriptedServer(.init(answer: { ScriptedServer.upgrade($0) }))
        defer { Task { await server.stop() } }
        let (result, inbox) = await connect(server.url)
        let connection = try #require(result.connection)
        let outcome = await connection.close(code: 4000, reason: "done", timeout: .milliseconds(200))
        #expect(outcome == CloseOutcome(code: 1006, initiator: .client, clean: false, sentCode: 4000))
        let frames = await server.waitForFrames { $0.contains { $0.opcode == .close } }
        let close = try #require(frames.first { $0.opcode == .close })
        #expect(try ClosePayload.parse(close.payload) == ClosePayload(code: 4000, reason: "done"))
        #expect(eventNames(inbox).suffix(2) == ["out close", "closed 1006"])
        // A second close returns the same outcome at once.
        #expect(await connection.close() == outcome)
    }

    @Test func aServerCloseInTheSameWriteAsThe101IsEchoed() async throws {
        let server = try await ScriptedServer(
            .init(answer: { key in
                ScriptedServer.upgrade(key) + [0x88, 0x06, 0x03, 0xE9] + Array("away".utf8)
            }))
        defer { Task { await server.stop() } }
        let (result, _) = await connect(server.url) { $0.closeTimeout = .milliseconds(300) }
        let connection = try #require(result.connection)
        let outcome = await connection.closed()
        #expect(outcome == CloseOutcome(code: 1001, reason: "away", initiator: .server, clean: true, sentCode: 1001))
        let frames = await server.waitForFrames { $0.contains { $0.opcode == .close } }
        #expect(closeCode(frames.first { $0.opcode == .close }) == 1001)
        await #expect(throws: WebSocketError.self) { try await connection.send(text: "after close") }
    }

    /// RFC 6455 §5.5.1: nothing may follow a close frame. Frames that do are recorded (not dropped unseen) and
    /// reported once as a protocol error; the closing handshake is not disturbed.
    @Test func framesAfterTheServersCloseAreRecordedAndReported() async throws {
        let server = try await ScriptedServer(
            .init(answer: { key in
                ScriptedServer.upgrade(key) + [0x88, 0x02, 0x03, 0xE8] + [0x81, 0x01, 0x61] + [0x82, 0x01, 0x62]
            }))
        defer { Task { await server.stop() } }
        let (result, inbox) = await connect(server.url) { $0.closeTimeout = .milliseconds(300) }
        let connection = try #require(result.connection)
        let outcome = await connection.closed()
        #expect(outcome.code == 1000 && outcome.initiator == .server)
        let names = eventNames(inbox)
        #expect(
            names.filter { $0 != "request" && $0 != "response 101" }
                == ["in close", "out close", "in text", "error protocol", "in binary", "closed 1000"], "\(names)")
        let frames = await server.waitForFrames { $0.contains { $0.opcode == .close } }
        #expect(frames.filter { $0.opcode == .close }.count == 1, "one close frame, the echo")
    }

    @Test func anUnofferedSubprotocolIsAHandshakeError() async throws {
        let server = try await ScriptedServer(
            .init(answer: { key in
                ScriptedServer.upgrade(key, extraHeaders: "Sec-WebSocket-Protocol: evil\r\n")
            }))
        defer { Task { await server.stop() } }
        let (result, _) = await connect(server.url) { $0.subprotocols = ["good"] }
        #expect(result.connection == nil)
        #expect(result.error?.kind == .handshake)
        #expect(result.error?.message.contains("not offered") == true)
        let request = try #require(server.requests.withLockedValue { $0.first })
        #expect(request.contains("Sec-WebSocket-Protocol: good"))
    }

    @Test func fragmentedServerMessagesAreReassembledAcrossReads() async throws {
        // Fragments "ab" + ping + "cd" in one write; each frame is still reported.
        let server = try await ScriptedServer(
            .init(answer: { key in
                ScriptedServer.upgrade(key) + [0x01, 0x02, 0x61, 0x62, 0x89, 0x00, 0x80, 0x02, 0x63, 0x64]
            }))
        defer { Task { await server.stop() } }
        let (result, inbox) = await connect(server.url)
        let connection = try #require(result.connection)
        let message = await inbox.nextMessage(timeout: 5)
        #expect(message?.text == "abcd")
        #expect(message?.frameCount == 2)
        #expect(
            Array(eventNames(inbox).prefix(7)) == [
                "request", "response 101", "in text", "in ping", "out pong", "in continuation", "message text",
            ])
        connection.disconnect()
        #expect(await connection.closed() == CloseOutcome(code: 1006, initiator: .client, clean: false))
    }
}
