/// Why the built-in server could not start.
public struct BuiltInServerError: Error, CustomStringConvertible, Equatable {
    private enum Reason: Equatable {
        case tlsNeedsCertificateAndKey
    }

    private let reason: Reason

    /// TLS needs both a certificate and a key.
    public static let tlsNeedsCertificateAndKey = BuiltInServerError(reason: .tlsNeedsCertificateAndKey)

    public var description: String {
        switch reason {
        case .tlsNeedsCertificateAndKey: return "TLS needs both a certificate (--tls-cert) and a key (--tls-key)"
        }
    }
}
