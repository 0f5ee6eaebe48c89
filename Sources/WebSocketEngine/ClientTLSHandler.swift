import NIOCore
import NIOSSL

/// The client side of TLS for `wss://` connections and `https://` requests, set up the same way for both.
enum ClientTLSHandler {
    /// Adds the TLS handler for a connection to `host` with `options` to `pipeline`: SNI is `server_name` or the
    /// host (never an IP address), and a `server_name` is verified against the certificate unless the options are
    /// insecure. Without a `server_name` override a `CertificateDiagnosisHandler` follows it, to say why a
    /// certificate failed verification.
    static func add(
        to pipeline: ChannelPipeline.SynchronousOperations, context: NIOSSLContext, options: WebSocketTLSOptions,
        host: String
    ) throws {
        let sniName = options.serverName ?? host
        // SNI never carries an IP address; an address `server_name` is still verified (ServerNameVerifier).
        let serverName = (try? SocketAddress(ipAddress: sniName, port: 0)) == nil ? sniName : nil
        if let overrideName = options.serverName, !options.insecure {
            // NIOSSL takes either this extra check or the old-style callback the diagnosis needs, not both.
            try pipeline.addHandler(
                NIOSSLClientHandler._makeSSLClientHandler(
                    context: context, serverHostname: serverName,
                    additionalPeerCertificateVerificationCallback: ServerNameVerifier.callback(
                        serverName: overrideName)))
            return
        }
        if options.insecure {
            try pipeline.addHandler(NIOSSLClientHandler(context: context, serverHostname: serverName))
            return
        }
        let diagnosis = CertificateDiagnosisHandler()
        let maker: any LegacyVerificationMaking.Type = LegacyVerification.self
        let handler = try maker.clientHandler(
            context: context, serverHostname: serverName, callback: diagnosis.verificationCallback)
        try pipeline.addHandler(handler)
        try pipeline.addHandler(diagnosis)
    }
}

/// Makes a client handler with NIOSSL's old-style verification callback, which NIOSSL marks deprecated but which
/// is the only hook that sees the certificate BoringSSL rejected. Called through `LegacyVerificationMaking`, so
/// that the deprecation does not warn on every build.
private protocol LegacyVerificationMaking {
    static func clientHandler(
        context: NIOSSLContext, serverHostname: String?, callback: @escaping NIOSSLVerificationCallback
    ) throws -> NIOSSLClientHandler
}

private enum LegacyVerification: LegacyVerificationMaking {
    @available(*, deprecated, message: "uses NIOSSL's old-style verification callback")
    static func clientHandler(
        context: NIOSSLContext, serverHostname: String?, callback: @escaping NIOSSLVerificationCallback
    ) throws -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: context, serverHostname: serverHostname, verificationCallback: callback)
    }
}
