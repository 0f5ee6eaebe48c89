import EngineTestSupport
import NIOCore
import Testing
import WebSocketCore
import WebSocketEngine

/// A `ws://` client talking to something that does not answer HTTP (a TLS server, SSH, ...).
@Suite struct NotHTTPAnswerTests {
    func expectNotHTTP(_ answer: [UInt8], closeAfterAnswer: Bool) async throws {
        let server = try await ScriptedServer(.init(answer: { _ in answer }, closeAfterAnswer: closeAfterAnswer))
        defer { Task { await server.stop() } }
        let (result, inbox) = await connect(server.url)
        #expect(result.connection == nil)
        let error = try #require(result.error)
        #expect(error.kind == .handshake)
        #expect(error.message == "the server's answer is not HTTP (is it a TLS server? try wss://)")
        #expect(eventNames(inbox) == ["request", "error handshake"])
    }

    @Test func aTLSAlertIsNotHTTP() async throws {
        // A TLS alert record (protocol_version), as a TLS server answers a plain-text request.
        try await expectNotHTTP([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46], closeAfterAnswer: true)
    }

    @Test func aTLSHandshakeRecordIsNotHTTPEvenWhileTheServerWaits() async throws {
        try await expectNotHTTP([0x16, 0x03, 0x03, 0x00, 0x10, 0x02], closeAfterAnswer: false)
    }

    @Test func anotherProtocolIsNotHTTP() async throws {
        try await expectNotHTTP(Array("SSH-2.0-OpenSSH_9.6\r\n".utf8), closeAfterAnswer: true)
    }

    @Test func aPlainServerThatClosesWithoutAnswerSuggestsWSS() async throws {
        let server = try await ScriptedServer(.init(answer: { _ in [] }, closeAfterAnswer: true))
        defer { Task { await server.stop() } }
        let (result, _) = await connect(server.url)
        // No answer at all is `closed` (the server did not answer), with a hint for the usual cause.
        #expect(result.error?.kind == .closed)
        #expect(
            result.error?.message
                == "the server closed the connection without answering the handshake (if it is a TLS server, use wss://)"
        )
    }

    @Test func aPartialAnswerCutShortIsStillClosed() async throws {
        let server = try await ScriptedServer(
            .init(answer: { _ in Array("HTTP/1.1 101 Switching".utf8) }, closeAfterAnswer: true))
        defer { Task { await server.stop() } }
        let (result, _) = await connect(server.url)
        #expect(result.error?.kind == .closed)
    }

    @Test func aValidAnswerStillUpgrades() async throws {
        // A valid answer still works.
        let server = try await ScriptedServer(.init(answer: { ScriptedServer.upgrade($0) }))
        defer { Task { await server.stop() } }
        let (result, _) = await connect(server.url)
        let connection = try #require(result.connection, "\(String(describing: result.error))")
        connection.disconnect()
        _ = await connection.closed()
    }
}
