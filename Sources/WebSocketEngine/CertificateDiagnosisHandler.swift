import Foundation
import NIOCore
import NIOSSL
import NIOTLS

/// Sits right behind the client's TLS handler until the TLS handshake completes, and turns BoringSSL's
/// `CERTIFICATE_VERIFY_FAILED` into a `CertificateVerifyFailure` that says why (expired, not yet valid,
/// self-signed, unknown CA).
///
/// BoringSSL's verify result is not exposed by NIOSSL; its old-style verification callback is the one hook that
/// sees the certificate the chain verification rejected. `verificationCallback` records it and hands BoringSSL's
/// own verdict back unchanged, so what is accepted does not change. The handler removes itself once the
/// handshake is done (it is not in the data path of an open connection).
final class CertificateDiagnosisHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    /// Set on the event loop by the verification callback: the first certificate that failed verification.
    private var rejected: NIOSSLCertificate?
    private let clock: @Sendable () -> Int

    init(clock: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }) {
        self.clock = clock
    }

    /// The old-style NIOSSL verification callback: remembers the first certificate BoringSSL rejected and returns
    /// BoringSSL's verdict as it is.
    var verificationCallback: NIOSSLVerificationCallback {
        { [self] result, certificate in
            if result == .failed && rejected == nil { rejected = certificate }
            return result
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if let rejected, Self.isCertificateVerifyFailure(error) {
            context.fireErrorCaught(
                CertificateVerifyFailure(
                    reason: CertificateVerifyFailure.reason(
                        for: rejected, now: clock())))
            return
        }
        context.fireErrorCaught(error)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        context.fireUserInboundEventTriggered(event)
        if let tls = event as? TLSUserEvent, case .handshakeCompleted = tls {
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }

    /// Whether `error` is BoringSSL's `CERTIFICATE_VERIFY_FAILED`.
    static func isCertificateVerifyFailure(_ error: Error) -> Bool {
        let boring: BoringSSLError
        if case .handshakeFailed(let inner) = error as? NIOSSLError {
            boring = inner
        } else if let inner = error as? BoringSSLError {
            boring = inner
        } else {
            return false
        }
        return TLSErrorText.reasonCodes(in: "\(boring)").contains("CERTIFICATE_VERIFY_FAILED")
    }
}
