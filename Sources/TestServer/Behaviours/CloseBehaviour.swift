/// `/close/{code}`: starts the closing handshake at once with that code and reason.
final class CloseBehaviour: SessionBehaviour {
    private let code: UInt16
    private let reason: String

    init(code: Int, reason: String) {
        self.code = UInt16(code)
        self.reason = reason
    }

    func start(_ session: ServerSession) {
        session.startClose(code: code, reason: reason)
    }
}
