import NIOCore
import NIOWebSocket

/// `/fragmented`: sends the text message `hello fragmented world` in three frames and the binary
/// message `01 02 03 04 05 06` in two, then echoes.
final class FragmentedBehaviour: SessionBehaviour {
    static let textFragments = ["hello ", "fragmented ", "world"]
    static let binaryFragments: [[UInt8]] = [[0x01, 0x02, 0x03], [0x04, 0x05, 0x06]]

    func start(_ session: ServerSession) {
        send(Self.textFragments.map { ByteBuffer(string: $0) }, opcode: .text, session: session)
        send(Self.binaryFragments.map { ByteBuffer(bytes: $0) }, opcode: .binary, session: session)
    }

    func received(_ message: InboundMessage, session: ServerSession) {
        EchoBehaviour.echo(message, session: session)
    }

    private func send(_ parts: [ByteBuffer], opcode: WebSocketOpcode, session: ServerSession) {
        for (index, part) in parts.enumerated() {
            let frameOpcode = index == 0 ? opcode : .continuation
            session.send(.init(fin: index == parts.count - 1, opcode: frameOpcode, data: part))
        }
    }
}
