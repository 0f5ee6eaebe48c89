import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// The built-in WebSocket test server (`wscenario serve`), startable in-process many times.
///
///     let server = try await BuiltInServer.start(BuiltInServerConfiguration())
///     defer { Task { try await server.shutdown() } }
///     connect(to: server.url + "/echo")
public final class BuiltInServer: Sendable {
    private let channel: Channel
    private let context: ServerContext

    /// The address the server listens on.
    public let host: String
    /// The TCP port the server listens on (the free port picked when configured with 0).
    public let port: Int
    /// Whether the server speaks TLS.
    public let usesTLS: Bool

    /// `ws://HOST:PORT` (or `wss://` with TLS), without a path.
    public var url: String { "\(usesTLS ? "wss" : "ws")://\(authority)" }

    /// `http://HOST:PORT` (or `https://` with TLS), without a path: the base of the plain HTTP endpoints (`/login`).
    public var httpURL: String { "\(usesTLS ? "https" : "http")://\(authority)" }

    /// `HOST:PORT`, an IPv6 host in brackets.
    private var authority: String { "\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    private init(channel: Channel, context: ServerContext, host: String, port: Int) {
        self.channel = channel
        self.context = context
        self.host = host
        self.port = port
        self.usesTLS = context.sslContext != nil
    }

    /// Binds and starts serving; returns once the socket is listening.
    public static func start(
        _ configuration: BuiltInServerConfiguration = BuiltInServerConfiguration(),
        eventLoopGroup: EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> BuiltInServer {
        let context = ServerContext(configuration: configuration, sslContext: try makeSSLContext(configuration))
        let bootstrap = ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try ConnectionPipeline.configure(channel, server: context)
                }
            }
        let channel = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
        let port = channel.localAddress?.port ?? configuration.port
        return BuiltInServer(channel: channel, context: context, host: configuration.host, port: port)
    }

    /// Stops listening and closes every open connection.
    public func shutdown() async throws {
        try? await channel.close()
        await context.connections.closeAll()
    }

    private static func makeSSLContext(_ configuration: BuiltInServerConfiguration) throws -> NIOSSLContext? {
        switch (configuration.tlsCertificatePath, configuration.tlsKeyPath) {
        case (nil, nil):
            return nil
        case (let certificate?, let key?):
            guard let certificates = try? NIOSSLCertificate.fromPEMFile(certificate), !certificates.isEmpty else {
                throw BuiltInServerError.unusableTLSFile("certificate", certificate)
            }
            guard let privateKey = try? NIOSSLPrivateKey(file: key, format: .pem) else {
                throw BuiltInServerError.unusableTLSFile("key", key)
            }
            let tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: certificates.map { NIOSSLCertificateSource.certificate($0) },
                privateKey: .privateKey(privateKey)
            )
            do {
                return try NIOSSLContext(configuration: tls)
            } catch {
                throw BuiltInServerError.keyDoesNotMatch(certificate: certificate, key: key)
            }
        default:
            throw BuiltInServerError.tlsNeedsCertificateAndKey
        }
    }
}
