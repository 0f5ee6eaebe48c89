import NIOCore
import NIOPosix
import NIOSSL
import WebSocketCore

/// Sends plain HTTP/1.1 requests (one connection each, closed after the answer): the scenario language's `http`
/// step, e.g. logging in before connecting.
///
/// ```swift
/// let url = HTTPURL("http://127.0.0.1:9001/login")!
/// let request = HTTPRequest.make(method: "POST", host: url.hostHeader, target: url.target,
///                                body: Array(#"{"user":"alice"}"#.utf8), contentType: "application/json")
/// switch await PlainHTTPClient().send(request, to: url, timeout: .seconds(5)) {
/// case .success(let response): print(response.status, response.bodyText)
/// case .failure(let error): print(error)
/// }
/// ```
public struct PlainHTTPClient: Sendable {
    /// The event loops the requests run on.
    public let eventLoopGroup: EventLoopGroup

    /// Uses `group`, or NIO's shared singleton group.
    public init(eventLoopGroup: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.eventLoopGroup = eventLoopGroup
    }

    /// Connects to `url` (TLS for `https://`, with `tls`), sends `request` and returns the whole response (bodies
    /// past 16 MiB cut, `bodyTruncated`), or why there is none. Redirects are not followed. The connection, TLS
    /// handshake and response together take at most `timeout`.
    public func send(
        _ request: HTTPRequest, to url: HTTPURL, tls: WebSocketTLSOptions = WebSocketTLSOptions(),
        timeout: TimeAmount
    ) async -> Result<HTTPResponseHead, WebSocketError> {
        let deadline = NIODeadline.now() + timeout
        let sslContext: NIOSSLContext?
        do throws(WebSocketError) {
            sslContext = url.secure ? try WebSocketClient.makeSSLContext(tls) : nil
        } catch {
            return .failure(error)
        }
        let eventLoop = eventLoopGroup.any()
        let promise = eventLoop.makePromise(of: HTTPResponseHead.self)
        let timeoutDescription = WebSocketChannelHandler.describe(timeout)
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        try ClientTLSHandler.add(
                            to: channel.pipeline.syncOperations, context: sslContext, options: tls, host: url.host)
                    }
                    try channel.pipeline.syncOperations.addHandler(
                        PlainHTTPResponseHandler(
                            request: request, url: url, verifiedName: tls.serverName ?? url.host, deadline: deadline,
                            timeoutDescription: timeoutDescription, promise: promise))
                }
            }
        let connected = bootstrap.connect(host: url.host, port: url.port)
        connected.whenFailure { error in
            // Ignored when the handler already failed the promise: its deadline (connect included) passed first.
            promise.fail(WebSocketClient.connectError(error, url: url.webSocketURL, timeout: timeout))
        }
        // Whoever completes the promise (the handler, or an interruption), the connection ends with it.
        connected.whenSuccess { channel in promise.futureResult.whenComplete { _ in channel.close(promise: nil) } }
        do {
            let head = try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                promise.fail(WebSocketError(kind: .closed, message: "interrupted before the HTTP response arrived"))
            }
            return .success(head)
        } catch let error as WebSocketError {
            return .failure(error)
        } catch {
            return .failure(WebSocketError(kind: .closed, message: "the connection failed: \(error)"))
        }
    }
}
