import NIOCore
import NIOSSL

/// The client side of TLS for `wss://` connections and `https://` requests, set up the same way for both.
enum ClientTLSHandler {
    /// A handler for a connection to `host` with `options`: SNI is `server_name` or the host (never an IP
    /// address), and a `server_name` is verified against the certificate unless the options are insecure.
    static func make(
        context: NIOSSLContext, options: WebSocketTLSOptions, host: String
    ) throws -> NIOSSLClientHandler {
        let sniName = options.serverName ?? host
        // SNI never carries an IP address; an address `server_name` is still verified (ServerNameVerifier).
        let serverName = (try? SocketAddress(ipAddress: sniName, port: 0)) == nil ? sniName : nil
        if let overrideName = options.serverName, !options.insecure {
            return try NIOSSLClientHandler._makeSSLClientHandler(
                context: context, serverHostname: serverName,
                additionalPeerCertificateVerificationCallback: ServerNameVerifier.callback(serverName: overrideName))
        }
        return try NIOSSLClientHandler(context: context, serverHostname: serverName)
    }
}
