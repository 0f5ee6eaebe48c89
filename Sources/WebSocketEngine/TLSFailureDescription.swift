import Foundation
import NIOCore
import NIOSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns NIOSSL / BoringSSL errors into messages for people: what failed, with which server, and why, with the
/// BoringSSL reason code last for experts (never a source path of the TLS library).
enum TLSFailureDescription {
    /// The message for a TLS failure on the connection to `target` (`HOST:PORT`) during the handshake (or, with
    /// `handshake: false`, after it); `verifiedName` is the name the certificate was checked against.
    static func message(for error: Error, target: String, verifiedName: String, handshake: Bool = true) -> String {
        let prefix = handshake ? "TLS handshake with \(target) failed: " : "TLS connection with \(target) failed: "
        if error is ServerNameMismatch {
            return prefix + "certificate is not valid for \(verifiedName)"
        }
        if let failure = error as? CertificateVerifyFailure {
            return prefix + "certificate verify failed: \(failure.reason) (CERTIFICATE_VERIFY_FAILED)"
        }
        if let extra = error as? NIOSSLExtraError {
            if extra == .failedToValidateHostname {
                return prefix + "certificate is not valid for \(verifiedName)"
            }
            if extra == .serverHostnameImpossibleToMatch || extra == .invalidSNIHostname {
                return prefix + "\(verifiedName.debugDescription) is not a valid server name (a host name such as "
                    + "example.com, without spaces; set tls: server_name, or leave it out)"
            }
            return prefix + TLSErrorText.sanitized("\(extra)")
        }
        if let sslError = error as? NIOSSLError {
            switch sslError {
            case .handshakeFailed(let boring):
                return prefix + describe(boring)
            case .uncleanShutdown:
                return prefix + "the server closed the connection during the TLS handshake"
            case .noCertificateToValidate:
                return prefix + "the server presented no certificate"
            default:
                return prefix + TLSErrorText.sanitized("\(sslError)")
            }
        }
        if let boring = error as? BoringSSLError {
            return prefix + describe(boring)
        }
        return prefix + TLSErrorText.sanitized("\(error)")
    }

    /// Readable reasons with the BoringSSL codes in parentheses, e.g.
    /// `certificate verify failed (CERTIFICATE_VERIFY_FAILED)`.
    static func describe(_ error: BoringSSLError) -> String {
        TLSErrorText.describe("\(error)", readable: readable)
    }

    /// `CERTIFICATE_VERIFY_FAILED` -> `certificate verify failed`.
    static func readable(_ code: String) -> String {
        switch code {
        case "CERTIFICATE_VERIFY_FAILED": return "certificate verify failed"
        case "WRONG_VERSION_NUMBER": return "the server does not speak TLS (wrong version number)"
        case "TLSV1_ALERT_UNKNOWN_CA": return "the server does not trust the client certificate (unknown CA)"
        case "TLSV1_CERTIFICATE_REQUIRED", "TLSV13_ALERT_CERTIFICATE_REQUIRED":
            return "the server requires a client certificate"
        default: return code.lowercased().split(separator: "_").joined(separator: " ")
        }
    }

    /// The message for a certificate, key or CA file that cannot be used.
    static func fileMessage(role: String, path: String, error: Error) -> String {
        if access(path, R_OK) != 0 {
            let reason = String(cString: strerror(errno))
            return "cannot read the \(role) file \(path): \(reason)"
        }
        if role == "private key", let contents = FileManager.default.contents(atPath: path),
            String(decoding: contents.prefix(64 * 1024), as: UTF8.self).contains("ENCRYPTED")
        {
            return "cannot load the \(role) file \(path): it is encrypted (passphrase-protected), and wscenario "
                + "needs an unencrypted PEM private key"
        }
        let what = role == "private key" ? "a PEM private key" : "a PEM certificate"
        return "cannot load the \(role) file \(path): not \(what)"
    }
}
