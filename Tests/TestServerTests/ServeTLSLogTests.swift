import Foundation
import TestSupport
import Testing

/// `wscenario serve` logs one line per connection, also for a connection that never gets past TLS (a plain client
/// on the TLS port, a client that rejects the certificate) or that is not HTTP (a TLS client on a plain port).
@Suite struct ServeTLSLogTests {
    private static func port(_ server: BackgroundProcess) throws -> Int {
        let line = try #require(server.output.split(separator: "\n").first { $0.hasPrefix("listening on ") })
        return try #require(Int(line.split(separator: ":").last ?? ""))
    }

    private static func waitForLine(containing text: String, in server: BackgroundProcess) -> String? {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let line = server.output.split(separator: "\n").first(where: { $0.contains(text) }) {
                return String(line)
            }
            usleep(20_000)
        }
        return nil
    }

    @Test func failedTLSHandshakesAreLogged() throws {
        let directory = try TestPaths.makeTemporaryDirectory("serve-tls-log")
        defer { try? FileManager.default.removeItem(at: directory) }
        let certificate = try SelfSignedCertificate(in: directory)
        let server = try BackgroundProcess(
            TestPaths.wscenarioBinary,
            ["serve", "--port", "0", "--tls-cert", certificate.certificatePath, "--tls-key", certificate.keyPath],
            readyLine: "listening on wss://127.0.0.1:")
        defer { server.stop() }
        let port = try ServeTLSLogTests.port(server)

        // A plain ws:// client on the TLS port.
        let plain = try ProcessRunner.run(
            TestPaths.wscenarioBinary, ["probe", "ws://127.0.0.1:\(port)/echo"], timeout: 30)
        #expect(plain.exitCode != 0)
        let plainLine = ServeTLSLogTests.waitForLine(containing: "HTTP_REQUEST", in: server)
        #expect(
            (plainLine ?? "").contains("TLS handshake failed: the client sent plain HTTP, not TLS"), "\(server.output)"
        )

        // A wss:// client that does not trust the self-signed certificate.
        let untrusting = try ProcessRunner.run(
            TestPaths.wscenarioBinary, ["probe", "wss://127.0.0.1:\(port)/echo"], timeout: 30)
        #expect(untrusting.exitCode != 0)
        let rejected = ServeTLSLogTests.waitForLine(containing: "rejected the server's certificate", in: server)
        #expect((rejected ?? "").contains("127.0.0.1:"), "\(server.output)")
        #expect(!server.output.contains(" at /"), "a source path of the TLS library in the log: \(server.output)")
    }

    @Test func aTLSClientOnAPlainPortIsLogged() throws {
        let server = try BackgroundProcess(
            TestPaths.wscenarioBinary, ["serve", "--port", "0"], readyLine: "listening on ws://127.0.0.1:")
        defer { server.stop() }
        let port = try ServeTLSLogTests.port(server)
        let client = try ProcessRunner.run(
            TestPaths.wscenarioBinary, ["probe", "wss://127.0.0.1:\(port)/echo"], timeout: 30)
        #expect(client.exitCode != 0)
        let line = ServeTLSLogTests.waitForLine(containing: "malformed HTTP request -> 400", in: server)
        #expect((line ?? "").contains("(a TLS client? this server is plain ws://)"), "\(server.output)")
    }
}
