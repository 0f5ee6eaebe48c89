import Foundation

/// Renders transcript events as the human-readable `.txt` lines written beside the JSON Lines file.
public enum TranscriptTextRenderer {
    /// One line for `event`, e.g. `   0.012  [1] alice  frame_in  opcode=text fin=true length=5 text="hello"`.
    public static func line(_ event: TranscriptEvent) -> String {
        var line = String(format: "%8.3f  ", event.time)
        if let step = event.step { line += "[\(step)] " }
        if let connection = event.connection { line += "\(connection)  " }
        line += arrow(event.kind) + event.kind.rawValue
        for (key, value) in event.fields {
            line += "  \(key)=\(render(value))"
        }
        return line
    }

    private static func arrow(_ kind: TranscriptEventKind) -> String {
        switch kind {
        case .frameOut, .handshakeRequest: return "→ "
        case .frameIn, .handshakeResponse, .messageIn: return "← "
        default: return ""
        }
    }

    private static func render(_ value: OutputJSON) -> String {
        switch value {
        case .string(let text):
            let shown = text.count > 400 ? String(text.prefix(400)) + "…" : text
            return OutputJSON.string(shown).serialized()
        default:
            let text = value.serialized()
            return text.count > 400 ? String(text.prefix(400)) + "…" : text
        }
    }
}
