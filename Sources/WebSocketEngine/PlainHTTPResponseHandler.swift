import NIOCore
import WebSocketCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one plain HTTP request when the connection is up and reads its response with `HTTPResponseParser`;
/// completes `promise` exactly once: with the response, or with a `WebSocketError` when the server ends the
/// connection early, answers with something that is not HTTP, TLS fails, or `deadline` passes.
final class PlainHTTPResponseHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let request: HTTPRequest
    private let url: HTTPURL
    private let verifiedName: String
    private let deadline: NIODeadline
    private let timeoutDescription: String
    private let promise: EventLoopPromise<HTTPResponseHead>
    private var parser: HTTPResponseParser
    private var receivedBytes = 0
    private var timeout: Scheduled<Void>?
    private var completed = false

    init(
        request: HTTPRequest, url: HTTPURL, verifiedName: String, deadline: NIODeadline, timeoutDescription: String,
        promise: EventLoopPromise<HTTPResponseHead>
    ) {
        self.request = request
        self.url = url
        self.verifiedName = verifiedName
        self.deadline = deadline
        self.timeoutDescription = timeoutDescription
        self.promise = promise
        parser = HTTPResponseParser(maxBodySize: 16 * 1024 * 1024, bodyless: request.method == "HEAD")
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timeout = context.eventLoop.scheduleTask(deadline: deadline) {
            let (handler, context) = loopBound.value
            let target = "\(handler.url.host):\(handler.url.port)"
            handler.fail(
                WebSocketError(
                    kind: .timeout,
                    message: "no complete HTTP response from \(target) within \(handler.timeoutDescription)"),
                context: context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timeout?.cancel()
        timeout = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        // Over TLS, NIOSSL holds the bytes until its handshake is done.
        context.writeAndFlush(wrapOutboundOut(request.serialized(allocator: context.channel.allocator)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !completed else { return }
        let bytes = unwrapInboundIn(data)
        if receivedBytes == 0, !WebSocketChannelHandler.couldBeHTTP(Array(bytes.readableBytesView.prefix(5))) {
            return fail(WebSocketError(kind: .protocol, message: Self.notHTTPMessage(url)), context: context)
        }
        receivedBytes += bytes.readableBytes
        do {
            // Interim answers (100 Continue, 103 Early Hints) are skipped by the parser (RFC 9110 §15.2).
            if case .complete(let head, _) = try parser.feed(bytes) { succeed(head, context: context) }
        } catch {
            fail(WebSocketError(kind: .protocol, message: "invalid HTTP response: \(error)"), context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        defer { context.fireChannelInactive() }
        guard !completed else { return }
        if receivedBytes == 0 {
            let message = "the server closed the connection without answering" + (url.secure ? "" : Self.tryHTTPS)
            return fail(WebSocketError(kind: .closed, message: message), context: context)
        }
        do {
            succeed(try parser.endOfInput(), context: context)
        } catch {
            let message = "the server closed the connection before the response was complete"
            fail(WebSocketError(kind: .closed, message: message), context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A body that ends with the connection may end without TLS close_notify: the end of input decides.
        if receivedBytes > 0, WebSocketChannelHandler.isUncleanShutdown(error) { return }
        if WebSocketChannelHandler.isTLSFailure(error) {
            let message = TLSFailureDescription.message(
                for: error, target: "\(url.host):\(url.port)", verifiedName: verifiedName)
            return fail(WebSocketError(kind: .tls, message: message), context: context)
        }
        if let ioError = error as? IOError, ioError.errnoCode == ECONNRESET {
            let message =
                receivedBytes == 0
                ? "the server reset the connection without answering" + (url.secure ? "" : Self.tryHTTPS)
                : "the server reset the connection before the response was complete"
            return fail(WebSocketError(kind: .closed, message: message), context: context)
        }
        fail(WebSocketError(kind: .closed, message: "the connection failed: \(error)"), context: context)
    }

    private func succeed(_ head: HTTPResponseHead, context: ChannelHandlerContext) {
        complete(.success(head), context: context)
    }

    private func fail(_ error: WebSocketError, context: ChannelHandlerContext) {
        complete(.failure(error), context: context)
    }

    /// Completes the promise the first time only, then closes the connection.
    private func complete(_ result: Result<HTTPResponseHead, Error>, context: ChannelHandlerContext) {
        guard !completed else { return }
        completed = true
        timeout?.cancel()
        promise.completeWith(result)
        context.close(promise: nil)
    }

    private static let tryHTTPS = " (is it a TLS server? try https://)"

    private static func notHTTPMessage(_ url: HTTPURL) -> String {
        "the server's answer is not HTTP" + (url.secure ? "" : tryHTTPS)
    }
}
