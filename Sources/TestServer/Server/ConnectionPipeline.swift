import NIOCore
import NIOHTTP1
import NIOSSL
import NIOWebSocket

/// Builds the pipeline of one accepted connection: TLS (optional), HTTP/1.1, the WebSocket upgrader
/// for the well-behaved endpoints, and the router for everything else.
enum ConnectionPipeline {
    static func configure(_ channel: Channel, server: ServerContext) throws {
        let sync = channel.pipeline.syncOperations
        if let sslContext = server.sslContext {
            try sync.addHandler(NIOSSLServerHandler(context: sslContext))
            try sync.addHandler(TLSFailureLogHandler(logger: server.logger))
        }
        let responseEncoder = HTTPResponseEncoder()
        let requestDecoder = ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .forwardBytes))
        let router = HTTPRouterHandler(server: server, responseEncoder: responseEncoder, requestDecoder: requestDecoder)
        let upgrader = NIOWebSocketServerUpgrader(
            maxFrameSize: ServerContext.maxFrameSize,
            automaticErrorHandling: true,
            shouldUpgrade: { channel, head in shouldUpgrade(channel, head, server: server) },
            upgradePipelineHandler: { channel, head in
                channel.eventLoop.makeCompletedFuture {
                    let peer = channel.remoteAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "?"
                    server.logger.info("\(peer) \(head.method) \(head.uri) -> 101")
                    let route = ServerRoute.parse(head.uri)
                    let deflate = server.negotiateDeflate(head.headers["Sec-WebSocket-Extensions"], route: route)
                    let session = server.makeSession(for: route, deflate: deflate)
                    let sync = channel.pipeline.syncOperations
                    let decoder = try sync.handler(type: ByteToMessageHandler<WebSocketFrameDecoder>.self)
                    try sync.addHandler(TextPayloadWatchHandler(), position: .before(decoder))
                    try sync.addHandler(session)
                }
            }
        )
        let upgradeHandler = HTTPServerUpgradeHandler(
            upgraders: [upgrader],
            httpEncoder: responseEncoder,
            extraHTTPHandlers: [requestDecoder, router],
            upgradeCompletionHandler: { _ in }
        )
        try sync.addHandlers([responseEncoder, requestDecoder, upgradeHandler, router])
        server.connections.add(channel)
    }

    /// The upgrader's question: extra response headers to upgrade with (maybe later), or nil to refuse.
    private static func shouldUpgrade(
        _ channel: Channel,
        _ head: HTTPRequestHead,
        server: ServerContext
    ) -> EventLoopFuture<HTTPHeaders?> {
        // An invalid opening handshake is not upgraded: the router answers it with 400 and the reason.
        if UpgradeRequestCheck.problem(head) != nil { return channel.eventLoop.makeSucceededFuture(nil) }
        let route = ServerRoute.parse(head.uri)
        let decision = HandshakeDecision.decide(route: route, headers: head.headers, token: server.configuration.token)
        guard case .upgrade(var headers, let delay) = decision else {
            return channel.eventLoop.makeSucceededFuture(nil)
        }
        if let deflate = server.negotiateDeflate(head.headers["Sec-WebSocket-Extensions"], route: route) {
            headers.add(name: "Sec-WebSocket-Extensions", value: deflate.headerValue)
        }
        let answer = headers
        guard delay > 0 else { return channel.eventLoop.makeSucceededFuture(answer) }
        return channel.eventLoop.scheduleTask(in: .milliseconds(Int64(delay))) { answer }.futureResult
    }
}
