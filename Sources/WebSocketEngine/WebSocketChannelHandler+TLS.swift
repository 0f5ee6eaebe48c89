import NIOSSL
import WebSocketCore

extension WebSocketChannelHandler {
    /// Whether `error` is a TLS failure (including a failed `server_name` check).
    static func isTLSFailure(_ error: Error) -> Bool {
        isTLSError(error) || error is ServerNameMismatch || error is CertificateVerifyFailure
    }

    /// A readable message for a TLS failure on this connection (see `TLSFailureDescription`).
    func tlsFailureMessage(_ error: Error, handshake: Bool = true) -> String {
        let url = WebSocketURL(configuration.url)
        let target = url.map { "\($0.host):\($0.port)" } ?? configuration.url
        let verifiedName = configuration.tls.serverName ?? url?.host ?? configuration.url
        return TLSFailureDescription.message(
            for: error, target: target, verifiedName: verifiedName, handshake: handshake)
    }
}
