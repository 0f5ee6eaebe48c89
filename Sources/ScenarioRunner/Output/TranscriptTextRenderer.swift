import Foundation

/// Renders transcript events as the human-readable `.txt` lines written beside the JSON Lines file.
public enum TranscriptTextRenderer {
    /// One line for `event`, e.g. `   0.012  [1] alice  frame_in  opcode=text fin=true length=5 text="hello"`.
    public static func line(_ event: TranscriptEvent) -> String {
        var line = formatTime(event.time) + "  "
        if let step = event.step { line += "[\(step)] " }
        if let connection = event.connection { line += "\(connection)  " }
        line += arrow(event.kind) + event.kind.rawValue
        for (key, value) in event.fields {
            line += "  \(key)=\(render(value))"
        }
        return line
    }

    /// `%8.3f` without Foundation's formatter (this runs for every frame).
    static func formatTime(_ seconds: Double) -> String {
        let millis = Int((max(0, seconds) * 1000).rounded())
        let fraction = String(millis % 1000)
        let text = "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        return String(repeating: " ", count: max(0, 8 - text.count)) + text
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
            // A JSON document reads best as itself; other text is quoted so that spaces and newlines show.
            if let first = text.first, first == "{" || first == "[", !text.contains("\n"), JSONText.parse(text) != nil {
                return text.count > 400 ? String(text.prefix(400)) + "…" : text
            }
            let shown = text.count > 400 ? String(text.prefix(400)) + "…" : text
            return OutputJSON.string(shown).serialized()
        default:
            let text = value.serialized()
            return text.count > 400 ? String(text.prefix(400)) + "…" : text
        }
    }
}
