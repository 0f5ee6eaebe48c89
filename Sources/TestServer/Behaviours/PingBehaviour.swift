import NIOCore
import NIOWebSocket

/// `/ping`: pings with `hello?`, then sends `pong received` if the matching pong came within a second,
/// else `no pong`; echoes afterwards.
final class PingBehaviour: SessionBehaviour {
    static let payload = "hello?"
    static let deadline = TimeAmount.seconds(1)
    private var answered = false
    private var decided = false

    func start(_ session: ServerSession) {
        session.send(.init(fin: true, opcode: .ping, data: ByteBuffer(string: Self.payload)))
        session.schedule(after: Self.deadline) { [self] in
            decide(session, received: false)
        }
    }

    func receivedPong(_ payload: ByteBuffer, session: ServerSession) {
        if String(buffer: payload) == Self.payload { decide(session, received: true) }
    }

    func received(_ message: InboundMessage, session: ServerSession) {
        EchoBehaviour.echo(message, session: session)
    }

    private func decide(_ session: ServerSession, received: Bool) {
        guard !decided else { return }
        decided = true
        session.send(text: received ? "pong received" : "no pong")
    }
}
