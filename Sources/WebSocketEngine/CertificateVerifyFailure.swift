import Foundation
import NIOSSL

/// A failed certificate verification with the reason found for it: which certificate, and whether it expired, is
/// not valid yet, is self-signed or was issued by a CA that is not trusted. BoringSSL reports all of these as
/// `CERTIFICATE_VERIFY_FAILED`; `CertificateDiagnosisHandler` raises this error in its place.
struct CertificateVerifyFailure: Error, Sendable, Equatable {
    /// What is wrong with the certificate, e.g. `the certificate CN=localhost expired on 2020-02-01 00:00:00 UTC`.
    var reason: String

    /// The reason `certificate` (the one chain verification rejected) failed at `now` (seconds since 1970).
    /// The validity dates are named first: they are a reason whatever the trust; then a self-signed certificate,
    /// then an issuer that is not among the trusted CAs.
    static func reason(for certificate: NIOSSLCertificate, now: Int) -> String {
        let name = "the certificate " + describe(certificate.subjectName)
        if now > Int(certificate.notValidAfter) {
            return "\(name) expired on \(date(Int(certificate.notValidAfter)))"
        }
        if now < Int(certificate.notValidBefore) {
            return "\(name) is not valid before \(date(Int(certificate.notValidBefore)))"
        }
        if certificate.subjectName == certificate.issuerName {
            return "\(name) is self-signed and not trusted"
        }
        // The callback that found the certificate does not see BoringSSL's error code: an unknown issuer is the
        // usual cause, but a chain can also break a rule (key usage, CA constraints, a bad signature).
        return "\(name) was issued by \(describe(certificate.issuerName)), which does not verify as a trusted CA "
            + "(an unknown CA, or a chain that breaks a rule such as key usage)"
    }

    /// `CN=localhost`, or the first name entry when there is no common name.
    static func describe(_ names: [SSLCertificateName]) -> String {
        if let common = names.last(where: { $0.type == .commonName }) { return "CN=" + printable(common.value) }
        if let first = names.first { return printable(first.value) }
        return "(without a name)"
    }

    /// `text` with control characters written as `\u{...}`: names come from the server.
    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `2020-02-01 00:00:00 UTC`.
    static func date(_ seconds: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
