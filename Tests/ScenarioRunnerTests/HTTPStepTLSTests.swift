import Foundation
import ScenarioLanguage
import TestServer
import TestSupport
import Testing

@testable import ScenarioRunner

/// `http` steps over `https://` with the real engine against the built-in server started with a self-signed
/// certificate: trusted through `tls: { ca: ... }` (paths and server name with placeholders), refused without it.
@Suite struct HTTPStepTLSTests {
    @Test func httpsLoginWithTheServersCAThenWSS() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let suite = harness.directory.appendingPathComponent("suite")
        try FileManager.default.createDirectory(at: suite, withIntermediateDirectories: true)
        let certificate = try SelfSignedCertificate(in: suite)
        let cert = certificate.certificatePath
        let key = certificate.keyPath
        try Data(
            """
            name: https login
            secrets: [token]
            vars: { ca_name: server.pem }
            steps:
              - http:
                  method: POST
                  url: ${server_http}/login
                  json: { user: carol }
                  expect: { status: 200 }
                  capture: { token: $.token }
                  tls: { ca: "${ca_name}" }    # rendered when the step runs, relative to this file
              - connect:
                  url: ${server}/auth
                  headers: { Authorization: "Bearer ${token}" }
                  tls: { ca: "${ca_path}", server_name: "${host}" }
              - send: hello
              - expect_message: hello
              - close
            ---
            name: untrusted
            steps:
              - http: ${server_http}/login
            """.utf8
        ).write(to: suite.appendingPathComponent("tls.yaml"))
        let server = try await BuiltInServer.start(
            BuiltInServerConfiguration(tlsCertificatePath: cert, tlsKeyPath: key, token: "tls-token"))
        var options = harness.options()
        options.connector = EngineConnector()
        options.variables = [
            "server": .string(server.url), "server_http": .string(server.httpURL), "ca_path": .string(cert),
            "host": .string("localhost"),
        ]
        let summary = try await ScenarioRunner(options).run(paths: [suite.appendingPathComponent("tls.yaml").path])
        try await server.shutdown()
        #expect(server.httpURL.hasPrefix("https://127.0.0.1:"))
        let login = try #require(summary.results.first { $0.name == "https login" })
        #expect(login.status == .passed, "\(String(describing: login.failure))")
        let untrusted = try #require(summary.results.first { $0.name == "untrusted" })
        #expect(untrusted.status == .failed)
        #expect(
            untrusted.failure?.message.contains("GET \(server.httpURL)/login: TLS handshake with 127.0.0.1:") == true,
            "\(String(describing: untrusted.failure))")
    }
}
