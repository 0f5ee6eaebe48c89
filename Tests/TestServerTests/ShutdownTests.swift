import EngineTestSupport
import Foundation
import NIOCore
import TestServer
import TestSupport
import Testing
import WebSocketCore
import WebSocketEngine

/// Shutting the server down closes every WebSocket connection with a close handshake (1001), not a TCP drop.
@Suite struct ShutdownTests {
    static let goingAway = CloseOutcome(
        code: 1001, reason: "server shutting down", initiator: .server, clean: true, sentCode: 1001)

    /// Connects the engine client to `url`, recording the close outcome.
    func connect(_ url: String) async throws -> (WebSocketConnection, WebSocketEventInbox) {
        let inbox = WebSocketEventInbox()
        var configuration = WebSocketClientConfiguration(url: url)
        configuration.closeTimeout = .seconds(2)
        let result = await WebSocketClient().connect(configuration) { inbox.receive($0) }
        let connection = try #require(result.connection, "\(String(describing: result.error))")
        return (connection, inbox)
    }

    @Test func shutdownSendsAGoingAwayCloseToEveryConnection() async throws {
        let server = try await BuiltInServer.start()
        let (echo, echoInbox) = try await connect(server.url + "/echo")
        let (silent, _) = try await connect(server.url + "/silent")
        try await echo.send(text: "before")
        #expect(await echoInbox.nextMessage(timeout: 5)?.text == "before")
        try await server.shutdown()
        #expect(await echo.closed() == Self.goingAway)
        #expect(await silent.closed() == Self.goingAway)
        #expect(echoInbox.firstError == nil)
        #expect(eventNames(echoInbox).suffix(3) == ["in close", "out close", "closed 1001"])
    }

    @Test func shutdownDoesNotWaitForeverForAClientThatNeverAnswers() async throws {
        let server = try await BuiltInServer.start()
        let client = try TestClient(port: server.port, path: "/echo")
        // The client reads the close frame but never answers it: the server closes TCP after its grace period.
        try await server.shutdown()
        let frame = try client.readFrame()
        #expect(frame.opcode == 8)
        #expect(frame.closeCode == 1001)
        #expect(frame.closeReason == "server shutting down")
        #expect(try client.socket.isClosedByPeer())
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalToServeClosesConnectionsWithAGoingAwayClose(signal: Int32) async throws {
        let server = try BackgroundProcess(
            TestPaths.wscenarioBinary, ["serve", "--port", "0"], readyLine: "listening on ws://127.0.0.1:")
        defer { server.stop() }
        let line = try #require(server.output.split(separator: "\n").first { $0.hasPrefix("listening on ") })
        let url = String(line.dropFirst("listening on ".count))
        let (connection, inbox) = try await connect(url + "/echo")
        kill(server.process.processIdentifier, signal)
        #expect(await connection.closed() == Self.goingAway)
        #expect(inbox.firstError == nil)
        let deadline = Date().addingTimeInterval(10)
        while server.process.isRunning && Date() < deadline { usleep(20_000) }
        #expect(server.process.terminationStatus == 0)
    }

    @Test func aPlainClientToATLSServerIsToldToUseWSS() async throws {
        let directory = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let openssl = try ProcessRunner.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert,
            ],
            timeout: 60
        )
        try #require(openssl.exitCode == 0, "\(openssl.standardError)")
        try await withServer(BuiltInServerConfiguration(tlsCertificatePath: cert, tlsKeyPath: key)) { server in
            let plainURL = "ws://127.0.0.1:\(server.port)/echo"
            let result = await WebSocketClient().connect(WebSocketClientConfiguration(url: plainURL)) { _ in }
            #expect(result.connection == nil)
            #expect(result.error?.kind == .closed)  // no answer at all: `closed`, with a hint
            #expect(result.error?.message.hasSuffix("(if it is a TLS server, use wss://)") == true)
        }
    }
}

/// Short event names, to assert on order.
private func eventNames(_ inbox: WebSocketEventInbox) -> [String] {
    inbox.events.map { timed in
        switch timed.event {
        case .frameIn(let frame): return "in \(frame.opcode.name)"
        case .frameOut(let frame): return "out \(frame.opcode.name)"
        case .closed(let outcome): return "closed \(outcome.code)"
        case .error(let error): return "error \(error.kind.rawValue)"
        default: return "other"
        }
    }
}
