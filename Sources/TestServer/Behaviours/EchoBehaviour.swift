import NIOCore
import NIOWebSocket

/// `/echo` (and the tail of several other endpoints): every message goes back as one message.
final class EchoBehaviour: SessionBehaviour {
    func received(_ message: InboundMessage, session: ServerSession) {
        EchoBehaviour.echo(message, session: session)
    }

    static func echo(_ message: InboundMessage, session: ServerSession) {
        switch message.kind {
        case .text: session.send(.init(fin: true, opcode: .text, data: message.payload))
        case .binary: session.send(binary: message.payload)
        }
    }
}
