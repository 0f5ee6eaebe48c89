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
        case .frameOut, .handshakeRequest, .httpRequest: return "→ "
        case .frameIn, .handshakeResponse, .httpResponse, .messageIn: return "← "
        default: return ""
        }
    }

    /// Whether a string field is shown as itself: a one-line JSON object or array.
    static func looksLikeJSON(_ text: String) -> Bool {
        if let first = text.first, first == "{" || first == "[", !text.contains("\n"), JSONText.parse(text) != nil {
            return true
        }
        return false
    }

    private static func render(_ value: OutputJSON) -> String {
        switch value {
        case .string(let text):
            // A JSON document reads best as itself; other text is quoted so that spaces and newlines show.
            if looksLikeJSON(text) { return shown(text) }
            return OutputJSON.string(shown(text)).serialized()
        default:
            return shown(value.serialized())
        }
    }

    /// `text` cut after 400 characters with `…` appended; only the first 401 characters are looked at, so a
    /// 64 KiB payload costs no more than a short one.
    static func shown(_ text: String) -> String {
        guard text.utf8.count > 400,
            let end = text.index(text.startIndex, offsetBy: 400, limitedBy: text.endIndex), end != text.endIndex
        else { return text }
        return String(text[..<end]) + "…"
    }
}
