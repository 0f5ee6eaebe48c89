import EngineTestSupport
import Foundation
import TestSupport
import Testing

@Suite struct ServeCommandTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func servesUntilSignalledAndExitsZero(signal: Int32) async throws {
        let server = try BackgroundProcess(
            TestPaths.wscenarioBinary, ["serve", "--port", "0"], readyLine: "listening on ws://127.0.0.1:")
        defer { server.stop() }
        let line = try #require(server.output.split(separator: "\n").first { $0.hasPrefix("listening on ") })
        let port = try #require(Int(line.split(separator: ":").last ?? ""))
        #expect(port > 0)
        let client = try TestClient(port: port, path: "/echo")
        #expect(client.response.status == 101)
        try client.send(text: "through the CLI")
        #expect(try client.readText() == "through the CLI")
        _ = try client.close()

        kill(server.process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(10)
        while server.process.isRunning && Date() < deadline { usleep(20_000) }
        #expect(!server.process.isRunning)
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
        #expect(server.output.contains("GET /echo -> 101"))
    }

    @Test func aBusyPortIsAnErrorWithExitStatus1() async throws {
        try await withServer { server in
            let result = try ProcessRunner.run(
                TestPaths.wscenarioBinary, ["serve", "--port", String(server.port)], timeout: 30)
            #expect(result.exitCode == 1)
            #expect(result.standardError.contains("cannot serve on 127.0.0.1:\(server.port)"))
            #expect(!result.standardOutput.contains("listening on"))
        }
    }

    @Test func helpDocumentsEveryPath() throws {
        let result = try ProcessRunner.run(TestPaths.wscenarioBinary, ["serve", "--help"], timeout: 30)
        #expect(result.exitCode == 0)
        for path in [
            "/echo", "/chat/{room}", "/stream", "/reject/{status}", "/close/{code}", "/auth", "/subprotocols",
            "/slow", "/silent", "/fragmented", "/ping", "/heartbeat", "/misbehave/{kind}", "frame-with-101",
            "--tls-cert", "--tls-key", "--token", "--host", "--port",
        ] {
            #expect(result.standardOutput.contains(path), "serve --help does not mention \(path)")
        }
    }

    @Test func refusesHalfATLSConfiguration() throws {
        let result = try ProcessRunner.run(TestPaths.wscenarioBinary, ["serve", "--tls-cert", "x.pem"], timeout: 30)
        #expect(result.exitCode == 64 || result.exitCode == 2)
        #expect(result.standardError.contains("--tls-key"))
    }
}
