/// `/misbehave/{kind}` after a normal upgrade: writes the offending bytes (or drops the connection),
/// then echoes whatever still arrives.
final class MisbehaveBehaviour: SessionBehaviour {
    private let kind: MisbehaviourKind

    init(kind: MisbehaviourKind) {
        self.kind = kind
    }

    func start(_ session: ServerSession) {
        if kind == .drop {
            session.drop()
        } else if let bytes = kind.bytesAfterUpgrade {
            session.writeRaw(bytes)
        }
    }

    func received(_ message: InboundMessage, session: ServerSession) {
        EchoBehaviour.echo(message, session: session)
    }
}
