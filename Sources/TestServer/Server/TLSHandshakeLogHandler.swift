import Logging
import NIOCore
import NIOSSL
import NIOTLS
import WebSocketEngine

/// Sits behind the server's TLS handler and logs a connection whose TLS handshake never completes (a client that
/// rejects the certificate, a plain `ws://` client on the TLS port): the log has one line per connection, these
/// included. Removes itself once the handshake completes.
final class TLSHandshakeLogHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let logger: Logger
    private var logged = false

    init(logger: Logger) {
        self.logger = logger
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tls = event as? TLSUserEvent, case .handshakeCompleted = tls {
            context.fireUserInboundEventTriggered(event)
            context.pipeline.syncOperations.removeHandler(self, promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        log(context, "TLS handshake failed: " + TLSClientFailure.reason(error))
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        log(context, "closed before the TLS handshake completed")
        context.fireChannelInactive()
    }

    private func log(_ context: ChannelHandlerContext, _ what: String) {
        guard !logged else { return }
        logged = true
        let peer = context.channel.remoteAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "?"
        logger.info("\(peer) \(what)")
    }
}
