import NIOCore

/// What one endpoint does on an upgraded connection; called on the connection's event loop only.
protocol SessionBehaviour: AnyObject {
    /// Whether the session answers pings with pongs (`/silent` does not).
    var answersPings: Bool { get }
    /// Called once, right after the upgrade.
    func start(_ session: ServerSession)
    /// A complete data message arrived (not called once a close was sent).
    func received(_ message: InboundMessage, session: ServerSession)
    /// A pong arrived.
    func receivedPong(_ payload: ByteBuffer, session: ServerSession)
    /// The TCP connection ended.
    func ended(_ session: ServerSession)
}

extension SessionBehaviour {
    var answersPings: Bool { true }
    func start(_ session: ServerSession) {}
    func received(_ message: InboundMessage, session: ServerSession) {}
    func receivedPong(_ payload: ByteBuffer, session: ServerSession) {}
    func ended(_ session: ServerSession) {}
}
