import Logging
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// Answers every request the WebSocket upgrader did not take: refusals (404, 401, /reject ...), plain
/// HTTP requests to WebSocket paths, and the hand-written 101 responses of the handshake misbehaviours.
final class HTTPRouterHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let server: ServerContext
    private let responseEncoder: HTTPResponseEncoder
    private let requestDecoder: ByteToMessageHandler<HTTPRequestDecoder>
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var bodyTooLarge = false

    init(
        server: ServerContext,
        responseEncoder: HTTPResponseEncoder,
        requestDecoder: ByteToMessageHandler<HTTPRequestDecoder>
    ) {
        self.server = server
        self.responseEncoder = responseEncoder
        self.requestDecoder = requestDecoder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
            bodyTooLarge = false
        case .body(let bytes):
            if body.count + bytes.readableBytes > LoginEndpoint.maxBodySize {
                bodyTooLarge = true
            } else {
                body += bytes.readableBytesView
            }
        case .end:
            guard let head else { return }
            self.head = nil
            answer(head, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A refused upgrade surfaces as an upgrader error before the request arrives here: keep going.
        if error is NIOWebSocketUpgradeError { return }
        if error is HTTPParserError {
            respond(.text(.badRequest, "malformed HTTP request\n"), head: nil, context: context)
            return
        }
        context.close(promise: nil)
    }

    private func answer(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let route = ServerRoute.parse(head.uri)
        if route == .login, !head.headers["Upgrade"].contains(where: { $0.lowercased() == "websocket" }) {
            let token = server.configuration.token ?? HandshakeDecision.defaultAuthToken
            let response = LoginEndpoint.answer(
                method: head.method, body: body, bodyTooLarge: bodyTooLarge, token: token)
            return respond(response, head: head, context: context)
        }
        switch HandshakeDecision.decide(route: route, headers: head.headers, token: server.configuration.token) {
        case .respond(let response):
            respond(response, head: head, context: context)
        case .rawUpgrade(let kind):
            guard head.headers["Sec-WebSocket-Key"].first != nil, UpgradeRequestCheck.problem(head) == nil else {
                return respond(Self.notAnUpgrade(head), head: head, context: context)
            }
            rawUpgrade(kind, head: head, context: context)
        case .upgrade:
            respond(Self.notAnUpgrade(head), head: head, context: context)
        }
    }

    /// The answer to a plain HTTP request (or a broken handshake) for a WebSocket path.
    private static func notAnUpgrade(_ head: HTTPRequestHead) -> HTTPResponse {
        let isUpgrade = head.headers["Upgrade"].contains { $0.lowercased() == "websocket" }
        var response: HTTPResponse
        if isUpgrade {
            let why = UpgradeRequestCheck.problem(head) ?? "needs Sec-WebSocket-Key and Sec-WebSocket-Version: 13"
            response = .text(.badRequest, "invalid WebSocket handshake: \(why)\n")
        } else {
            response = .text(.upgradeRequired, "\(head.uri) speaks WebSocket only: send an upgrade request\n")
        }
        response.headers.add(name: "Sec-WebSocket-Version", value: "13")
        return response
    }

    private func respond(_ response: HTTPResponse, head: HTTPRequestHead?, context: ChannelHandlerContext) {
        if let head { log(head, status: response.status.code, context: context) }
        var responseHead = HTTPResponseHead(version: .http1_1, status: response.status)
        responseHead.headers = response.headers
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: response.body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    /// Writes a 101 by hand (with a wrong accept, or with a frame in the same write), then serves echo.
    private func rawUpgrade(_ kind: MisbehaviourKind, head: HTTPRequestHead, context: ChannelHandlerContext) {
        log(head, status: 101, context: context)
        let acceptCalculator = NIOWebSocketServerUpgrader(
            shouldUpgrade: { channel, _ in channel.eventLoop.makeSucceededFuture([:]) },
            upgradePipelineHandler: { channel, _ in channel.eventLoop.makeSucceededVoidFuture() }
        )
        acceptCalculator
            .buildUpgradeResponse(channel: context.channel, upgradeRequest: head, initialResponseHeaders: [:])
            .hop(to: context.eventLoop)
            .assumeIsolated()
            .whenComplete { result in
                guard case .success(let headers) = result, let accept = headers["Sec-WebSocket-Accept"].first else {
                    return self.respond(Self.notAnUpgrade(head), head: nil, context: context)
                }
                self.switchToWebSocket(kind, accept: accept, context: context)
            }
    }

    private func switchToWebSocket(_ kind: MisbehaviourKind, accept: String, context: ChannelHandlerContext) {
        let wrongAccept = "AAAAAAAAAAAAAAAAAAAAAAAAAAA="
        var response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        response += "Sec-WebSocket-Accept: \(kind == .badAccept ? wrongAccept : accept)\r\n\r\n"
        var bytes = Array(response.utf8)
        if kind == .frameWith101 { bytes += [0x81, 0x05] + Array("early".utf8) }
        do {
            let sync = context.pipeline.syncOperations
            let encoderContext = try sync.context(handler: responseEncoder)
            encoderContext.writeAndFlush(NIOAny(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
            sync.removeHandler(responseEncoder, promise: nil)
            try sync.addHandlers(
                [
                    WebSocketFrameEncoder(),
                    TextPayloadWatchHandler(),
                    ByteToMessageHandler(WebSocketFrameDecoder(maxFrameSize: ServerContext.maxFrameSize)),
                    WebSocketProtocolErrorHandler(),
                    server.makeSession(for: .echo),
                ],
                position: .after(requestDecoder)
            )
            sync.removeHandler(requestDecoder, promise: nil)
            sync.removeHandler(context: context, promise: nil)
        } catch {
            context.close(promise: nil)
        }
    }

    private func log(_ head: HTTPRequestHead, status: UInt, context: ChannelHandlerContext) {
        let peer = context.channel.remoteAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "?"
        server.logger.info("\(peer) \(head.method) \(head.uri) -> \(status)")
    }
}
