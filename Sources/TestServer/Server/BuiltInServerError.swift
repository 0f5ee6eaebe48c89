/// Why the built-in server could not start.
public struct BuiltInServerError: Error, CustomStringConvertible, Equatable {
    private enum Reason: Equatable {
        case tlsNeedsCertificateAndKey
        case unusableTLSFile(what: String, path: String)
        case keyDoesNotMatch(certificate: String, key: String)
    }

    private let reason: Reason

    /// TLS needs both a certificate and a key.
    public static let tlsNeedsCertificateAndKey = BuiltInServerError(reason: .tlsNeedsCertificateAndKey)

    /// The certificate or key file could not be loaded (not PEM, wrong content).
    static func unusableTLSFile(_ what: String, _ path: String) -> BuiltInServerError {
        BuiltInServerError(reason: .unusableTLSFile(what: what, path: path))
    }

    /// The key is not the certificate's.
    static func keyDoesNotMatch(certificate: String, key: String) -> BuiltInServerError {
        BuiltInServerError(reason: .keyDoesNotMatch(certificate: certificate, key: key))
    }

    public var description: String {
        switch reason {
        case .tlsNeedsCertificateAndKey: return "TLS needs both a certificate (--tls-cert) and a key (--tls-key)"
        case .unusableTLSFile(let what, let path):
            return "the TLS \(what) \(path) cannot be used: it must be a PEM file (-----BEGIN ...-----)"
                + (what == "key" ? " holding an unencrypted private key" : " holding a certificate")
        case .keyDoesNotMatch(let certificate, let key):
            return "the TLS key \(key) does not belong to the certificate \(certificate)"
        }
    }
}
