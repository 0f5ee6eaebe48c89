import EngineTestSupport
import Foundation
import NIOCore
import TestSupport
import Testing
import WebSocketCore
import WebSocketEngine

/// TLS failures come back as readable messages (no NIOSSL debug dumps), and `server_name` is the name verified.
@Suite(.serialized) struct TLSErrorTests {
    /// A self-signed certificate with the given subjectAltName; returns (certificate, key) paths.
    static func makeCertificate(in directory: URL, name: String, subjectAltName: String) throws -> (String, String) {
        let certificate = try SelfSignedCertificate(in: directory, name: name, subjectAltName: subjectAltName)
        return (certificate.certificatePath, certificate.keyPath)
    }

    /// Runs `body` with a Python `websockets` wss:// echo server on 127.0.0.1 using a certificate for `subjectAltName`.
    func withTLSServer(
        subjectAltName: String = "DNS:localhost,IP:127.0.0.1",
        _ body: (_ port: Int, _ certificate: String, _ directory: URL) async throws -> Void
    ) async throws {
        let directory = try TestPaths.makeTemporaryDirectory("tls-errors")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (certificate, key) = try Self.makeCertificate(
            in: directory, name: "server", subjectAltName: subjectAltName)
        let (server, port) = try PythonPeerTests.startServer(certificate: certificate, key: key)
        defer { server.stop() }
        try await body(port, certificate, directory)
    }

    static func expectReadable(_ message: String) {
        #expect(!message.contains("BoringSSLError"), "\(message)")
        #expect(!message.contains("NIOSSL"), "\(message)")
        #expect(!message.contains(".cc:"), "\(message)")
        #expect(!message.contains("/work/"), "\(message)")
    }

    @Test func anUntrustedCertificateIsAReadableTLSError() async throws {
        try await withTLSServer { port, _, _ in
            let (result, inbox) = await connect("wss://127.0.0.1:\(port)/")
            let error = try #require(result.error)
            #expect(error.kind == .tls)
            #expect(
                error.message
                    == "TLS handshake with 127.0.0.1:\(port) failed: certificate verify failed: the certificate "
                    + "CN=server is self-signed and not trusted (CERTIFICATE_VERIFY_FAILED)"
            )
            // The contract's example `message: /certificate/` matches.
            #expect(error.message.contains("certificate"))
            Self.expectReadable(error.message)
            #expect(eventNames(inbox) == ["error tls"], "no opening handshake was sent: TLS failed first")
            #expect(result.request == nil, "the result has no request either")
        }
    }

    @Test func aCertificateForAnotherHostIsAReadableTLSError() async throws {
        // The certificate names only localhost; connecting by address fails NIOSSL's host name check.
        try await withTLSServer(subjectAltName: "DNS:localhost") { port, certificate, _ in
            let (result, _) = await connect("wss://127.0.0.1:\(port)/") { $0.tls.caFile = certificate }
            let error = try #require(result.error)
            #expect(error.kind == .tls)
            #expect(
                error.message == "TLS handshake with 127.0.0.1:\(port) failed: certificate is not valid for 127.0.0.1")
            Self.expectReadable(error.message)
        }
    }

    @Test func anInvalidServerNameIsATLSErrorSayingSo() async throws {
        try await withTLSServer { port, certificate, _ in
            for name in ["", "a b"] {
                let (result, _) = await connect("wss://127.0.0.1:\(port)/") {
                    $0.tls.caFile = certificate
                    $0.tls.serverName = name
                }
                let error = try #require(result.error)
                #expect(error.kind == .tls, "\(error)")
                #expect(error.message.contains("is not a valid server name"), "\(error.message)")
                Self.expectReadable(error.message)
            }
        }
    }

    @Test func theServerNameOverrideIsTheNameVerified() async throws {
        try await withTLSServer { port, certificate, _ in
            // The certificate is valid for 127.0.0.1 (IP SAN), but not for the server name asked for.
            let (wrong, _) = await connect("wss://127.0.0.1:\(port)/") {
                $0.tls.caFile = certificate
                $0.tls.serverName = "example.com"
            }
            #expect(wrong.connection == nil)
            let error = try #require(wrong.error)
            #expect(error.kind == .tls)
            #expect(
                error.message == "TLS handshake with 127.0.0.1:\(port) failed: certificate is not valid for example.com"
            )
            // A name the certificate does carry connects.
            let (right, inbox) = await connect("wss://127.0.0.1:\(port)/") {
                $0.tls.caFile = certificate
                $0.tls.serverName = "LOCALHOST"
            }
            let connection = try #require(right.connection, "\(String(describing: right.error))")
            try await connection.send(text: "named")
            #expect(await inbox.nextMessage(timeout: 5)?.text == "named")
            #expect(await connection.close().clean)
            // Insecure skips the check.
            let (insecure, _) = await connect("wss://127.0.0.1:\(port)/") {
                $0.tls.insecure = true
                $0.tls.serverName = "example.com"
            }
            let insecureConnection = try #require(insecure.connection, "\(String(describing: insecure.error))")
            _ = await insecureConnection.close()
        }
    }

    @Test func anAddressServerNameIsVerifiedAgainstTheIPAddresses() async throws {
        try await withTLSServer { port, certificate, _ in
            let (right, _) = await connect("wss://localhost:\(port)/") {
                $0.tls.caFile = certificate
                $0.tls.serverName = "127.0.0.1"
            }
            let connection = try #require(right.connection, "\(String(describing: right.error))")
            _ = await connection.close()
            let (wrong, _) = await connect("wss://127.0.0.1:\(port)/") {
                $0.tls.caFile = certificate
                $0.tls.serverName = "127.0.0.2"
            }
            #expect(wrong.error?.kind == .tls)
            #expect(wrong.error?.message.hasSuffix("certificate is not valid for 127.0.0.2") == true)
        }
    }

    @Test func aWildcardCertificateMatchesOneLabel() async throws {
        try await withTLSServer(subjectAltName: "DNS:*.example.test,IP:127.0.0.1") { port, certificate, _ in
            let (matching, _) = await connect("wss://127.0.0.1:\(port)/") {
                $0.tls.caFile = certificate
                $0.tls.serverName = "api.example.test"
            }
            let connection = try #require(matching.connection, "\(String(describing: matching.error))")
            _ = await connection.close()
            let (deeper, _) = await connect("wss://127.0.0.1:\(port)/") {
                $0.tls.caFile = certificate
                $0.tls.serverName = "a.b.example.test"
            }
            #expect(deeper.error?.message.hasSuffix("certificate is not valid for a.b.example.test") == true)
        }
    }

    @Test func aPlainClientToATLSPeerIsToldToUseWSS() async throws {
        try await withTLSServer { port, _, _ in
            let (result, _) = await connect("ws://127.0.0.1:\(port)/")
            #expect(result.error?.kind == .closed)  // no answer at all: `closed`, with a hint
            #expect(result.error?.message.hasSuffix("(if it is a TLS server, use wss://)") == true)
        }
    }

    @Test func unreadableFilesAreNamed() async throws {
        let directory = try TestPaths.makeTemporaryDirectory("tls-files")
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing-ca.pem").path
        let (noFile, _) = await connect("wss://127.0.0.1:1/") { $0.tls.caFile = missing }
        let noFileError = try #require(noFile.error)
        #expect(noFileError.kind == .tls)
        #expect(noFileError.message == "cannot read the CA file \(missing): No such file or directory")
        let garbage = directory.appendingPathComponent("garbage.pem").path
        try "not a certificate\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        let (badCertificate, _) = await connect("wss://127.0.0.1:1/") {
            $0.tls.certificateFile = garbage
            $0.tls.keyFile = garbage
        }
        let badError = try #require(badCertificate.error)
        #expect(badError.kind == .tls)
        #expect(badError.message == "cannot load the certificate file \(garbage): not a PEM certificate")
        Self.expectReadable(badError.message)
        // A passphrase-protected key is named as such.
        let plainKey = try SelfSignedCertificate(in: directory, name: "client")
        let encrypted = directory.appendingPathComponent("encrypted.key").path
        let openssl = try ProcessRunner.run(
            "/usr/bin/openssl",
            ["pkey", "-in", plainKey.keyPath, "-aes256", "-passout", "pass:secret", "-out", encrypted], timeout: 60)
        #expect(openssl.exitCode == 0, "\(openssl.standardError)")
        let (encryptedKey, _) = await connect("wss://127.0.0.1:1/") {
            $0.tls.certificateFile = plainKey.certificatePath
            $0.tls.keyFile = encrypted
        }
        #expect(
            encryptedKey.error?.message == "cannot load the private key file \(encrypted): it is encrypted "
                + "(passphrase-protected), and wscenario needs an unencrypted PEM private key",
            "\(String(describing: encryptedKey.error))")
        let (badKey, _) = await connect("wss://127.0.0.1:1/") { $0.tls.keyFile = garbage }
        #expect(badKey.error?.message.hasPrefix("cannot load the private key file \(garbage)") == true)
        // A valid key of another certificate.
        let first = try SelfSignedCertificate(in: directory, name: "first")
        let second = try SelfSignedCertificate(in: directory, name: "second")
        let (mismatch, _) = await connect("wss://127.0.0.1:1/") {
            $0.tls.certificateFile = first.certificatePath
            $0.tls.keyFile = second.keyPath
        }
        #expect(
            mismatch.error?.message
                == "the private key \(second.keyPath) does not belong to the certificate \(first.certificatePath) "
                + "(or is not a PEM private key)")
    }
}
