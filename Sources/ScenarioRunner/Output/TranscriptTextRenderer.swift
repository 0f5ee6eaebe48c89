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
        return escapingDeleteAndC1(line)
    }

    /// `line` with DEL and the C1 controls (U+0080–U+009F, NEL among them) written as `\u007f` / `\u0085`, as the
    /// JSON escaping writes the C0 ones: the text transcript is read on terminals, which act on them.
    static func escapingDeleteAndC1(_ line: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool { (0x7F...0x9F).contains(scalar.value) }
        guard line.utf8.contains(where: { $0 == 0x7F || $0 == 0xC2 }), line.unicodeScalars.contains(where: isControl)
        else { return line }
        var out = ""
        for scalar in line.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                out += "\\u00" + (hex.count == 1 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
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
