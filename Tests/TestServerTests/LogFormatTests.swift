import Foundation
import TestSupport
import Testing

/// `docs/server.md` shows the log line `wscenario serve` really writes.
@Suite struct LogFormatTests {
    static let linePattern =
        #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4} info wscenario\.serve: \[TestServer\] "#
        + #"127\.0\.0\.1:\d+ GET /echo -> 101$"#

    @Test func theDocumentedLogLineIsTheRealOne() async throws {
        let pattern = try Regex(Self.linePattern)
        let server = try BackgroundProcess(
            TestPaths.wscenarioBinary, ["serve", "--port", "0"], readyLine: "listening on ws://127.0.0.1:")
        defer { server.stop() }
        let line = try #require(server.output.split(separator: "\n").first { $0.hasPrefix("listening on ") })
        let port = try #require(Int(line.split(separator: ":").last ?? ""))
        let client = try TestClient(port: port, path: "/echo")
        _ = try client.close()
        let deadline = Date().addingTimeInterval(5)
        var logged: [Substring] = []
        while Date() < deadline {
            logged = server.output.split(separator: "\n").filter { $0.contains("GET /echo") }
            if !logged.isEmpty { break }
            usleep(20_000)
        }
        let real = try #require(logged.first, "no log line in: \(server.output)")
        #expect(real.wholeMatch(of: pattern) != nil, "\(real)")
        let docs = try String(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent("docs/server.md"), encoding: .utf8)
        let documented = docs.split(separator: "\n").map { $0.drop { $0 == " " } }.filter {
            $0.contains("GET /echo ->")
        }
        #expect(documented.contains { $0.wholeMatch(of: pattern) != nil }, "docs/server.md: \(documented)")
    }

    /// A TLS handshake that fails gets its log line too: a client that does not trust the certificate, a plain
    /// HTTP request on the TLS port.
    @Test func failedTLSHandshakesAreLogged() throws {
        let directory = try TestPaths.makeTemporaryDirectory("serve-tls-log")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (server, _) = try BackgroundProcess.selfSignedServe(in: directory)
        defer { server.stop() }
        let url = try #require(server.announcedWord(after: "listening on"))
        let port = try #require(Int(url.split(separator: ":").last ?? ""))
        let probe = try ProcessRunner.run(TestPaths.wscenarioBinary, ["probe", url + "/echo"], timeout: 30)
        #expect(probe.exitCode == 1)
        let plain = try RawSocket(port: port)
        try plain.write(Array("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        _ = try? plain.readToEnd()
        let expected = [
            "TLS handshake failed: the client does not trust the certificate (TLSV1_ALERT_UNKNOWN_CA)",
            "TLS handshake failed: a plain HTTP request on the TLS port (HTTP_REQUEST)",
        ]
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline && !expected.allSatisfy({ server.output.contains($0) }) { usleep(20_000) }
        for line in expected { #expect(server.output.contains(line), "\(server.output)") }
    }
}
