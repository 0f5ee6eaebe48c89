/// `/silent`: never sends anything, not even pongs; only the close handshake is answered.
final class SilentBehaviour: SessionBehaviour {
    var answersPings: Bool { false }
}
