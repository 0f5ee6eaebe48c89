import EngineTestSupport
import NIOCore
import Testing
import WebSocketCore
import WebSocketEngine

@Suite struct MisbehavingServerTests {
    @Test func framesInTheSameWriteAsThe101AreNotLost() async throws {
        let server = try await ScriptedServer(
            .init(answer: { key in
                ScriptedServer.upgrade(key) + [0x81, 0x02, 0x68, 0x69, 0x82, 0x01, 0x07]
            }))
        defer { Task { await server.stop() } }
        let (result, inbox) = await connect(server.url)
        let connection = try #require(result.connection)
        let first = await inbox.nextMessage(timeout: 5)
        let second = await inbox.nextMessage(timeout: 5)
        #expect(first?.text == "hi")
        #expect(second?.bytes == [7])
        #expect(
            Array(eventNames(inbox).prefix(6)) == [
                "request", "response 101", "in text", "message text", "in binary", "message binary",
            ])
        let request = try #require(result.request)
        #expect(request.headers.first("Sec-WebSocket-Version") == "13")
        #expect(request.path == "/test")
        connection.disconnect()
        #expect(await connection.closed().code == 1006)
    }

    /// Answers 101 followed by `frame`, and expects the client to fail the connection with `code`.
    func expectFailure(_ frame: [UInt8], code: UInt16, messageContains text: String) async throws {
        let server = try await ScriptedServer(.init(answer: { ScriptedServer.upgrade($0) + frame }))
        defer { Task { await server.stop() } }
        let (result, inbox) = await connect(server.url) { $0.closeTimeout = .milliseconds(500) }
        #expect(result.connection != nil)
        let outcome = await waitForClose(inbox)
        #expect(outcome != nil)
        let error = try #require(inbox.firstError)
        #expect(error.kind == .protocol)
        #expect(error.closeCode == code)
        #expect(error.message.contains(text))
        let frames = await server.waitForFrames { $0.contains { $0.opcode == .close } }
        #expect(closeCode(frames.first { $0.opcode == .close }) == code)
        #expect(eventNames(inbox).contains("error protocol"))
        #expect(eventNames(inbox).last?.hasPrefix("closed") == true)
    }

    @Test func aMaskedServerFrameFailsTheConnectionWith1002() async throws {
        try await expectFailure([0x81, 0x81, 1, 2, 3, 4, 0x41], code: 1002, messageContains: "masked")
    }

    @Test func invalidUTF8FailsTheConnectionWith1007() async throws {
        try await expectFailure([0x81, 0x02, 0xC3, 0x28], code: 1007, messageContains: "UTF-8")
    }

    @Test func aHugeLengthFailsTheConnectionWith1009() async throws {
        try await expectFailure([0x82, 127, 0, 0, 1, 0, 0, 0, 0, 0], code: 1009, messageContains: "exceeds")
    }

    @Test func rsv1WithoutExtensionFailsTheConnectionWith1002() async throws {
        try await expectFailure([0xC1, 0x01, 0x41], code: 1002, messageContains: "RSV1")
    }

    @Test func aBadAcceptIsAHandshakeError() async throws {
        let server = try await ScriptedServer(
            .init(answer: { _ in
                Array(
                    ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n").utf8)
            }))
        defer { Task { await server.stop() } }
        let (result, inbox) = await connect(server.url)
        #expect(result.connection == nil)
        #expect(result.error?.kind == .handshake)
        #expect(result.error?.message.contains("Sec-WebSocket-Accept") == true)
        #expect(result.response?.status == 101)
        #expect(eventNames(inbox) == ["request", "response 101", "error handshake"])
    }

    @Test func aRefusalKeepsStatusHeadersAndBody() async throws {
        let server = try await ScriptedServer(
            .init(answer: { _ in
                Array(
                    ("HTTP/1.1 403 Forbidden\r\nWWW-Authenticate: Bearer realm=\"x\"\r\nx-trace: abc\r\n"
                        + "Content-Length: 15\r\n\r\nforbidden, sorry").utf8)
            }))
        defer { Task { await server.stop() } }
        let (result, _) = await connect(server.url)
        let error = try #require(result.error)
        #expect(error.kind == .handshake)
        #expect(error.status == 403)
        let response = try #require(result.response)
        #expect(response.headers.fields.map(\.name) == ["WWW-Authenticate", "x-trace", "Content-Length"])
        #expect(response.bodyText == "forbidden, sorr")
        #expect(result.verdict == .refused(status: 403))
    }

    @Test func aBodyUntilCloseIsReadToTheEnd() async throws {
        let server = try await ScriptedServer(
            .init(
                answer: { _ in Array("HTTP/1.0 500 Internal Server Error\r\n\r\nboom".utf8) }, closeAfterAnswer: true))
        defer { Task { await server.stop() } }
        let (result, _) = await connect(server.url)
        #expect(result.error?.kind == .handshake)
        #expect(result.response?.bodyText == "boom")
    }

    @Test func aDroppedConnectionIsAbnormal() async throws {
        let server = try await ScriptedServer(.init(answer: { ScriptedServer.upgrade($0) }, closeAfterAnswer: true))
        defer { Task { await server.stop() } }
        let (result, inbox) = await connect(server.url)
        let connection = try #require(result.connection)
        let outcome = await connection.closed()
        #expect(outcome == CloseOutcome(code: 1006, initiator: .server, clean: false))
        #expect(inbox.firstError?.kind == .closed)
        await #expect(throws: WebSocketError.self) { try await connection.send(text: "late") }
    }

    @Test func aSilentServerTimesOutTheHandshake() async throws {
        let server = try await ScriptedServer(.init(answer: { _ in [] }, silent: true))
        defer { Task { await server.stop() } }
        let (result, _) = await connect(server.url) { $0.handshakeTimeout = .milliseconds(300) }
        #expect(result.error?.kind == .timeout)
        #expect(result.request != nil)
    }

    @Test func pingsAreAnsweredUnlessAutoPongIsOff() async throws {
        for autoPong in [true, false] {
            let server = try await ScriptedServer(
                .init(answer: { key in
                    ScriptedServer.upgrade(key) + [0x89, 0x03, 0x61, 0x62, 0x63, 0x81, 0x01, 0x21]
                }))
            let (result, inbox) = await connect(server.url) { $0.autoPong = autoPong }
            let connection = try #require(result.connection)
            _ = await inbox.nextMessage(timeout: 5)
            _ = await connection.close(code: 1000, reason: "", timeout: .milliseconds(200))
            let frames = await server.waitForFrames { $0.contains { $0.opcode == .close } }
            let pongs = frames.filter { $0.opcode == .pong }
            #expect(pongs.count == (autoPong ? 1 : 0))
            if autoPong { #expect(pongs.first.map { String(buffer: $0.payload) } == "abc") }
            await server.stop()
        }
    }

    @Test func rawFramesAndBytesGoOutExactly() async throws {
        let server = try await ScriptedServer(.init(answer: { ScriptedServer.upgrade($0) }))
        defer { Task { await server.stop() } }
        let (result, inbox) = await connect(server.url)
        let connection = try #require(result.connection)
        try await connection.sendFrame(
            RawFrame(
                opcode: WebSocketOpcode(rawValue: 3), fin: false, rsv: 0b010,
                payload: ByteBuffer(bytes: [1, 2])))
        try await connection.send(text: "abcdefg", fragments: 3)
        try await connection.sendBytes([0x88, 0x80, 0, 0, 0, 0])
        let frames = await server.waitForFrames { $0.count >= 5 }
        try #require(frames.count == 5)
        #expect(frames.map(\.opcode.rawValue) == [3, 1, 0, 0, 8])
        #expect(frames[0].rsv == 0b010 && !frames[0].fin)
        #expect(frames[1...3].map { String(buffer: $0.payload) } == ["abc", "de", "fg"])
        #expect(frames[1...3].map(\.fin) == [false, false, true])
        #expect(
            eventNames(inbox).suffix(5) == [
                "out 0x3", "out text", "out continuation", "out continuation",
                "bytes out",
            ])
        connection.disconnect()
    }
}
