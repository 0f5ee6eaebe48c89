import Logging
import NIOCore
import NIOSSL
import NIOTLS
import WebSocketEngine

/// Sits behind the server's TLS handler until the TLS handshake completes, and logs a handshake that fails — a
/// client that rejects the certificate, a plain HTTP client on the TLS port — as the connection's one log line:
/// `PEER TLS handshake failed: REASON`. It leaves the pipeline once the handshake is done.
final class TLSFailureLogHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let logger: Logger
    private var logged = false

    init(logger: Logger) {
        self.logger = logger
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if !logged {
            logged = true
            let peer = context.channel.remoteAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "?"
            logger.info("\(peer) TLS handshake failed: \(Self.describe(error))")
        }
        context.fireErrorCaught(error)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        context.fireUserInboundEventTriggered(event)
        if let tls = event as? TLSUserEvent, case .handshakeCompleted = tls {
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }

    /// BoringSSL's reason codes in words (`TLSV1_ALERT_UNKNOWN_CA` → `tlsv1 alert unknown ca`), with the code.
    static func describe(_ error: Error) -> String {
        if let sslError = error as? NIOSSLError {
            switch sslError {
            case .uncleanShutdown: return "the client closed the connection during the handshake"
            case .handshakeFailed(let boring): return describe(boring)
            default: break
            }
        }
        return TLSErrorText.describe("\(error)", readable: readable)
    }

    /// `TLSV1_ALERT_UNKNOWN_CA` → `the client does not trust the certificate`; other codes in lower case.
    private static func readable(_ code: String) -> String {
        switch code {
        case "TLSV1_ALERT_UNKNOWN_CA", "SSLV3_ALERT_BAD_CERTIFICATE", "SSLV3_ALERT_CERTIFICATE_UNKNOWN":
            return "the client does not trust the certificate"
        case "HTTP_REQUEST": return "a plain HTTP request on the TLS port"
        case "WRONG_VERSION_NUMBER": return "the client does not speak TLS"
        default: return code.lowercased().replacing("_", with: " ")
        }
    }
}
