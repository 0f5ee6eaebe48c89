import Foundation

extension BackgroundProcess {
    /// `wscenario serve` on a free port with a fresh self-signed certificate for 127.0.0.1 (made in `directory`),
    /// ready when this returns (with the certificate, for clients that trust it); the caller stops it.
    public static func selfSignedServe(in directory: URL) throws -> (BackgroundProcess, SelfSignedCertificate) {
        let certificate = try SelfSignedCertificate(in: directory)
        let server = try BackgroundProcess(
            TestPaths.wscenarioBinary,
            ["serve", "--port", "0", "--tls-cert", certificate.certificatePath, "--tls-key", certificate.keyPath],
            readyLine: "listening on wss://127.0.0.1:")
        return (server, certificate)
    }
}
