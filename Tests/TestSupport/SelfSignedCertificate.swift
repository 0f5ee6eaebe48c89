import Foundation

/// A self-signed certificate made with `openssl` for TLS tests on 127.0.0.1.
public struct SelfSignedCertificate {
    /// The PEM certificate.
    public let certificatePath: String
    /// The PEM private key.
    public let keyPath: String

    /// Writes `NAME.pem` and `NAME-key.pem` into `directory`, valid for `subjectAltName` (by default localhost and
    /// 127.0.0.1); throws when `openssl` fails.
    public init(
        in directory: URL, name: String = "server", subjectAltName: String = "DNS:localhost,IP:127.0.0.1"
    ) throws {
        certificatePath = directory.appendingPathComponent("\(name).pem").path
        keyPath = directory.appendingPathComponent("\(name)-key.pem").path
        let openssl = try ProcessRunner.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=\(name)",
                "-addext", "subjectAltName=\(subjectAltName)", "-keyout", keyPath, "-out", certificatePath,
            ], timeout: 60)
        guard openssl.exitCode == 0 else {
            throw ProcessFailure(description: "openssl failed: \(openssl.standardError)")
        }
    }
}
