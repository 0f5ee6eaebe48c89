import NIOCore
import NIOPosix
import NIOSSL
import WebSocketCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens WebSocket connections on a shared event loop group.
///
/// ```swift
/// let client = WebSocketClient()
/// let result = await client.connect(WebSocketClientConfiguration(url: "ws://127.0.0.1:9001/echo")) { event in
///     print(event.time, event.event)
/// }
/// guard let connection = result.connection else { print(result.error!); return }
/// try await connection.send(text: "hello")
/// let outcome = await connection.close()
/// ```
public final class WebSocketClient: Sendable {
    /// The event loops every connection of this client runs on.
    public let eventLoopGroup: EventLoopGroup

    /// Uses `group`, or NIO's shared singleton group.
    public init(eventLoopGroup: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.eventLoopGroup = eventLoopGroup
    }

    /// Connects, performs the opening handshake, and returns the complete outcome. Never throws: failures come back
    /// as `result.error` (also delivered as an `.error` event). Every event of the connection is passed to
    /// `eventHandler` in order, synchronously on the connection's event loop (keep it short; do not block).
    public func connect(
        _ configuration: WebSocketClientConfiguration,
        eventHandler: @escaping @Sendable (TimedWebSocketEvent) -> Void
    ) async -> WebSocketConnectResult {
        let sink = EventSink(clock: configuration.clock, handler: eventHandler)
        func failure(_ error: WebSocketError, request: HandshakeRequest? = nil) -> WebSocketConnectResult {
            sink.emit(.error(error))
            return WebSocketConnectResult(request: request, error: error)
        }
        guard let url = WebSocketURL(configuration.url) else {
            return failure(
                WebSocketError(
                    kind: .invalidConfiguration,
                    message: "not a ws:// or wss:// URL: \(configuration.url)"))
        }
        let sslContext: NIOSSLContext?
        do throws(WebSocketError) {
            sslContext = url.secure ? try Self.makeSSLContext(configuration.tls) : nil
        } catch {
            return failure(error)
        }
        var random = ClosureRandom(source: configuration.random)
        let key = HandshakeKey.generate(using: &random)
        let request = HandshakeRequest.make(
            host: url.hostHeader, path: url.path, key: key, subprotocols: configuration.subprotocols,
            origin: configuration.origin, extensions: configuration.extensions, extraHeaders: configuration.headers)
        // Called on one of the group's loops (a scenario's steps run on one), the connection stays on that loop.
        let eventLoop = eventLoopGroup.any()
        let promise = eventLoop.makePromise(of: HandshakeCompletion.self)
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(configuration.connectTimeout)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        try ClientTLSHandler.add(
                            to: channel.pipeline.syncOperations, context: sslContext, options: configuration.tls,
                            host: url.host)
                    }
                    let handler = WebSocketChannelHandler(
                        configuration: configuration, request: request, sink: sink, handshakePromise: promise)
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        let channel: Channel
        do {
            channel = try await bootstrap.connect(host: url.host, port: url.port).get()
        } catch {
            promise.succeed(HandshakeCompletion())
            return failure(
                Self.connectError(
                    error, url: url, timeout: configuration.connectTimeout, serverName: configuration.tls.serverName))
        }
        let completion = try! await withTaskCancellationHandler {
            try await promise.futureResult.get()
        } onCancel: {
            channel.pipeline.fireErrorCaught(ConnectInterrupted())
        }
        guard let response = completion.response, let verdict = completion.verdict, completion.error == nil,
            case .upgraded(let subprotocol, let extensions) = verdict
        else {
            channel.close(promise: nil)
            let error = completion.error ?? WebSocketError(kind: .handshake, message: "handshake failed")
            return WebSocketConnectResult(
                request: completion.requestSent ? request : nil, response: completion.response,
                verdict: completion.verdict, error: error)
        }
        guard let handler = completion.handler else {
            return WebSocketConnectResult(
                request: request, response: response, verdict: verdict,
                error: WebSocketError(kind: .closed, message: "the connection is closed"))
        }
        let connection = WebSocketConnection(
            channel: channel, handler: handler, request: request, response: response, subprotocol: subprotocol,
            extensions: extensions, deflate: completion.deflate, closeTimeout: configuration.closeTimeout)
        return WebSocketConnectResult(
            request: request, response: response, verdict: verdict, connection: connection,
            deflate: completion.deflate)
    }

    /// The TLS context for `options`; every failure comes back as a `.tls` error that names the file at fault.
    static func makeSSLContext(_ options: WebSocketTLSOptions) throws(WebSocketError) -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        if options.insecure { tls.certificateVerification = .none }
        func load<T>(_ role: String, _ path: String, _ body: () throws -> T) throws(WebSocketError) -> T {
            do {
                return try body()
            } catch {
                throw WebSocketError(
                    kind: .tls, message: TLSFailureDescription.fileMessage(role: role, path: path, error: error))
            }
        }
        if let caFile = options.caFile {
            tls.trustRoots = .certificates(try load("CA", caFile) { try NIOSSLCertificate.fromPEMFile(caFile) })
        }
        if let certificateFile = options.certificateFile {
            tls.certificateChain = try load("certificate", certificateFile) {
                try NIOSSLCertificate.fromPEMFile(certificateFile).map { .certificate($0) }
            }
        }
        if let keyFile = options.keyFile {
            tls.privateKey = .privateKey(
                try load("private key", keyFile) { try NIOSSLPrivateKey(file: keyFile, format: .pem) })
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch NIOSSLError.failedToLoadPrivateKey {
            throw WebSocketError(
                kind: .tls,
                message: "the private key \(options.keyFile ?? "") does not belong to the certificate "
                    + "\(options.certificateFile ?? "") (or is not a PEM private key)")
        } catch {
            throw WebSocketError(
                kind: .tls, message: "TLS configuration failed: \(TLSErrorText.sanitized("\(error)"))")
        }
    }

    static func connectError(
        _ error: Error, url: WebSocketURL, timeout: TimeAmount, serverName: String? = nil
    ) -> WebSocketError {
        let target = "\(url.host):\(url.port)"
        // The TLS handler refused its settings before connecting (an invalid server name for SNI), possibly reported
        // through the bootstrap's connection error.
        let causes = [error] + ((error as? NIOConnectionError)?.connectionErrors.map(\.error) ?? [])
        if causes.contains(where: { ($0 as? NIOSSLExtraError) == .invalidSNIHostname }) {
            let name = serverName ?? url.host
            return WebSocketError(
                kind: .tls,
                message: "TLS with \(target) cannot start: \(name.debugDescription) is not a valid server name "
                    + "(a host name such as example.com, without spaces; set tls: server_name, or leave it out)")
        }
        if let tlsError = causes.first(where: WebSocketChannelHandler.isTLSFailure) {
            return WebSocketError(
                kind: .tls,
                message: TLSFailureDescription.message(
                    for: tlsError, target: target, verifiedName: serverName ?? url.host))
        }
        if let connectionError = error as? NIOConnectionError {
            if connectionError.connectionErrors.isEmpty {
                return WebSocketError(kind: .dns, message: "cannot resolve \(url.host)")
            }
            let inner = connectionError.connectionErrors.map(\.error)
            if inner.contains(where: { isRefused($0) }) {
                return WebSocketError(kind: .refused, message: "connection to \(target) refused")
            }
            if inner.contains(where: { isTimeout($0) }) {
                return WebSocketError(
                    kind: .timeout,
                    message: "no TCP connection to \(target) within "
                        + WebSocketChannelHandler.describe(timeout))
            }
            return WebSocketError(kind: .refused, message: "cannot connect to \(target): \(inner.map { "\($0)" })")
        }
        if isRefused(error) { return WebSocketError(kind: .refused, message: "connection to \(target) refused") }
        if isTimeout(error) {
            return WebSocketError(
                kind: .timeout,
                message: "no TCP connection to \(target) within \(WebSocketChannelHandler.describe(timeout))")
        }
        if error is SocketAddressError || "\(error)".contains("resolve") {
            return WebSocketError(kind: .dns, message: "cannot resolve \(url.host): \(error)")
        }
        return WebSocketError(kind: .refused, message: "cannot connect to \(target): \(error)")
    }

    private static func isRefused(_ error: Error) -> Bool {
        if let ioError = error as? IOError { return ioError.errnoCode == ECONNREFUSED }
        return false
    }

    private static func isTimeout(_ error: Error) -> Bool {
        if let channelError = error as? ChannelError, case .connectTimeout = channelError { return true }
        if let ioError = error as? IOError { return ioError.errnoCode == ETIMEDOUT }
        return false
    }
}
