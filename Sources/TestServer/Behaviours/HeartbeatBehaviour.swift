import NIOCore

/// `/heartbeat?interval=MS`: sends `{"type":"heartbeat"}` every interval and echoes everything else.
final class HeartbeatBehaviour: SessionBehaviour {
    static let message = "{\"type\":\"heartbeat\"}"
    private let interval: TimeAmount

    init(intervalMilliseconds: Int) {
        interval = .milliseconds(Int64(intervalMilliseconds))
    }

    func start(_ session: ServerSession) {
        beat(session)
    }

    func received(_ message: InboundMessage, session: ServerSession) {
        EchoBehaviour.echo(message, session: session)
    }

    private func beat(_ session: ServerSession) {
        session.schedule(after: interval) { [self] in
            guard !session.isClosing else { return }
            session.send(text: Self.message)
            beat(session)
        }
    }
}
