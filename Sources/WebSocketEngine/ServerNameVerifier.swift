import NIOCore
import NIOSSL

/// Checks a server certificate against an explicit `server_name` (RFC 6125 DNS-ID matching, one leading `*` label).
///
/// NIOSSL accepts a certificate whose IP address SAN matches the peer's address even when a different server name
/// was given; with a `server_name` override the certificate must name that host.
enum ServerNameVerifier {
    /// Whether `certificate` is valid for `serverName`: a DNS SAN (or IP SAN for an address) must match. A
    /// certificate without SANs is left to NIOSSL's own common-name check.
    static func matches(_ certificate: NIOSSLCertificate, serverName: String) -> Bool {
        let names = certificate._subjectAlternativeNames()
        var sawName = false
        let wanted = normalized(serverName)
        for name in names {
            sawName = true
            let contents = name.contents.withUnsafeBufferPointer { Array($0) }
            switch name.nameType {
            case .dnsName:
                if matches(pattern: normalized(String(decoding: contents, as: UTF8.self)), host: wanted) {
                    return true
                }
            case .ipAddress:
                if let address = try? SocketAddress(ipAddress: serverName, port: 0),
                    addressBytes(address) == contents
                {
                    return true
                }
            default:
                continue
            }
        }
        return !sawName
    }

    /// The verification callback for `NIOSSLClientHandler`: fails the handshake when the name does not match.
    static func callback(serverName: String) -> _NIOAdditionalPeerCertificateVerificationCallback {
        { certificate, channel in
            if matches(certificate, serverName: serverName) {
                return channel.eventLoop.makeSucceededVoidFuture()
            }
            return channel.eventLoop.makeFailedFuture(ServerNameMismatch(serverName: serverName))
        }
    }

    private static func normalized(_ name: String) -> String {
        var lowered = name.lowercased()
        if lowered.hasSuffix(".") { lowered.removeLast() }
        return lowered
    }

    private static func matches(pattern: String, host: String) -> Bool {
        if pattern == host { return true }
        guard pattern.hasPrefix("*."), let dot = host.firstIndex(of: ".") else { return false }
        let suffix = pattern.dropFirst(1)
        return host[dot...] == suffix && host.distance(from: host.startIndex, to: dot) > 0
            && suffix.dropFirst().contains(".")
    }

    private static func addressBytes(_ address: SocketAddress) -> [UInt8]? {
        switch address {
        case .v4(let v4):
            return withUnsafeBytes(of: v4.address.sin_addr) { Array($0) }
        case .v6(let v6):
            return withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
        default:
            return nil
        }
    }
}
