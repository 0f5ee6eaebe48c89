import EngineTestSupport
import Foundation
import TestSupport
import Testing
import WebSocketEngine

/// A failed certificate verification says why: expired, not valid yet, self-signed, or issued by an unknown CA
/// (BoringSSL calls all of them CERTIFICATE_VERIFY_FAILED).
@Suite(.serialized) struct CertificateFailureTests {
    /// Runs `openssl ARGS` in `directory`.
    static func openssl(_ arguments: [String], in directory: URL) throws {
        let result = try ProcessRunner.run(
            "/usr/bin/openssl", arguments, currentDirectory: directory.path, timeout: 60)
        guard result.exitCode == 0 else {
            throw ProcessFailure(description: "openssl \(arguments) failed: \(result.standardError)")
        }
    }

    /// A CA (`ca.pem`), another CA (`other-ca.pem`), and leaf certificates for localhost/127.0.0.1 signed by the
    /// CA: `valid`, `expired` (January 2020) and `future` (2030), each `NAME.pem` with `NAME.key`.
    static func makeCertificates(in directory: URL) throws {
        for ca in ["ca", "other-ca"] {
            try openssl(
                [
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "5", "-subj",
                    "/CN=\(ca == "ca" ? "Test CA" : "Other CA")",
                    "-keyout", "\(ca).key", "-out", "\(ca).pem",
                ], in: directory)
        }
        let database = directory.appendingPathComponent("db")
        try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
        try Data().write(to: database.appendingPathComponent("index.txt"))
        try Data("1000\n".utf8).write(to: database.appendingPathComponent("serial"))
        try Data(
            """
            [ ca ]
            default_ca = test
            [ test ]
            dir = ./db
            database = $dir/index.txt
            new_certs_dir = $dir
            serial = $dir/serial
            default_md = sha256
            policy = policy
            unique_subject = no
            [ policy ]
            commonName = supplied
            [ leaf ]
            subjectAltName = DNS:localhost,IP:127.0.0.1
            extendedKeyUsage = serverAuth

            """.utf8
        ).write(to: directory.appendingPathComponent("ca.cnf"))
        for (name, start, end) in [
            ("valid", "20200101000000Z", "20991231000000Z"), ("expired", "20200101000000Z", "20200201000000Z"),
            ("future", "20300101000000Z", "20310201000000Z"),
        ] {
            try openssl(
                [
                    "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "\(name).key", "-out",
                    "\(name).csr",
                ], in: directory)
            try openssl(
                [
                    "ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-startdate", start,
                    "-enddate", end, "-extensions", "leaf", "-in", "\(name).csr", "-out", "\(name).pem",
                ], in: directory)
        }
    }

    /// The TLS error message of connecting to a wss:// echo server with `certificate`, trusting `ca`.
    static func failure(certificate: String, in directory: URL, trusting ca: String?) async throws -> String? {
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        let (server, port) = try PythonPeerTests.startServer(
            certificate: path("\(certificate).pem"), key: path("\(certificate).key"))
        defer { server.stop() }
        let (result, _) = await connect("wss://localhost:\(port)/") { options in
            if let ca { options.tls.caFile = path(ca) }
        }
        if let connection = result.connection { _ = await connection.close() }
        #expect(result.error == nil || result.error?.kind == .tls, "\(String(describing: result.error))")
        return result.error?.message.replacingOccurrences(of: "localhost:\(port)", with: "localhost:PORT")
    }

    @Test func eachCertificateFailureSaysWhy() async throws {
        let directory = try TestPaths.makeTemporaryDirectory("certificate-failures")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.makeCertificates(in: directory)
        let prefix = "TLS handshake with localhost:PORT failed: certificate verify failed: the certificate CN="
        #expect(try await Self.failure(certificate: "valid", in: directory, trusting: "ca.pem") == nil)
        #expect(
            try await Self.failure(certificate: "expired", in: directory, trusting: "ca.pem")
                == prefix + "localhost expired on 2020-02-01 00:00:00 UTC (CERTIFICATE_VERIFY_FAILED)")
        #expect(
            try await Self.failure(certificate: "future", in: directory, trusting: "ca.pem")
                == prefix + "localhost is not valid before 2030-01-01 00:00:00 UTC (CERTIFICATE_VERIFY_FAILED)")
        #expect(
            try await Self.failure(certificate: "valid", in: directory, trusting: "other-ca.pem")
                == prefix + "localhost was issued by CN=Test CA, which does not verify as a trusted CA (an unknown "
                + "CA, or a chain that breaks a rule such as key usage) (CERTIFICATE_VERIFY_FAILED)")
        #expect(
            try await Self.failure(certificate: "ca", in: directory, trusting: "other-ca.pem")
                == prefix + "Test CA is self-signed and not trusted (CERTIFICATE_VERIFY_FAILED)")
    }
}
