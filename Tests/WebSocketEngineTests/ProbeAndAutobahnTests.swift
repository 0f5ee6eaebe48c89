import Foundation
import TestSupport
import Testing
import WebSocketCore
import WebSocketEngine

/// End-to-end: the `wscenario probe` command and `scripts/autobahn-client`, run as processes.
@Suite(.serialized) struct ProbeAndAutobahnTests {
    @Test func probePrintsTheExchangeAndSucceedsAgainstAnEchoServer() throws {
        let (server, port) = try PythonPeerTests.startServer()
        defer { server.stop() }
        let result = try ProcessRunner.run(
            TestPaths.wscenarioBinary,
            [
                "probe", "ws://127.0.0.1:\(port)/probe", "--text", "hi probe", "--header", "X-Probe: yes",
                "--subprotocol", "chat.v1",
            ], timeout: 30)
        #expect(result.exitCode == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("> GET /probe HTTP/1.1"))
        #expect(result.standardOutput.contains("> X-Probe: yes"))
        #expect(result.standardOutput.contains("< HTTP/1.1 101 Switching Protocols"))
        #expect(result.standardOutput.contains("< Sec-WebSocket-Protocol: chat.v1"))
        #expect(result.standardOutput.contains("received text: hi probe"))
        #expect(result.standardOutput.contains("closed: 1000 by client, clean"))
    }

    @Test func probeShowsARefusalAndFails() async throws {
        let server = try await ScriptedServer(
            .init(answer: { _ in
                Array(
                    "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer\r\nContent-Length: 12\r\n\r\nlogin first!"
                        .utf8)
            }))
        let url = server.url
        let result = try ProcessRunner.run(TestPaths.wscenarioBinary, ["probe", url], timeout: 30)
        await server.stop()
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("< HTTP/1.1 401 Unauthorized"))
        #expect(result.standardOutput.contains("< WWW-Authenticate: Bearer"))
        #expect(result.standardOutput.contains("login first!"))
        #expect(result.standardError.contains("handshake: server refused the upgrade: 401"))
    }

    /// A few Autobahn cases of each core category through the real fuzzing server (needs scripts/setup-autobahn,
    /// which the script runs itself).
    @Test(.timeLimit(.minutes(5))) func autobahnClientPassesASampleOfCases() throws {
        let root = TestPaths.repositoryRoot.path
        let out = try TestPaths.makeTemporaryDirectory("autobahn")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try ProcessRunner.run(
            "\(root)/scripts/autobahn-client",
            [
                "--cases", "1.1.1,2.3,3.2,4.1.1,5.6,6.2.1,6.4.1,7.5.1,7.9.1,9.1.1,10.1.1", "--out", out.path,
            ], environment: ["WSCENARIO_BIN": TestPaths.wscenarioBinary], timeout: 240)
        #expect(result.exitCode == 0, "\(result.standardOutput)\(result.standardError)")
        let summary = result.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasSuffix("0 UNIMPLEMENTED, 0 FAILED"), "\(summary)")
        #expect(summary.contains(" OK, "))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.json").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
    }
}
