import Foundation
import ScenarioLanguage

/// Rewrites a finished transcript (`.jsonl` and `.txt`) so that secret values which became known during the
/// run (e.g. `capture:` into a variable listed in `secrets:`) are masked in the events written before.
///
/// Only lines that contain a secret are re-rendered; the files are replaced atomically (temporary file, rename).
enum TranscriptRedaction {
    /// Redacts `location`'s files with `redactor`; does nothing when no line contains a secret.
    static func rewrite(_ location: TranscriptLocation, redactor: Redactor) throws {
        guard !redactor.isEmpty, let data = FileManager.default.contents(atPath: location.jsonl.path) else { return }
        let jsonLines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        let affected = jsonLines.indices.filter { redactor.occurs(inJSON: jsonLines[$0]) }
        guard !affected.isEmpty else { return }
        let textData = FileManager.default.contents(atPath: location.text.path) ?? Data()
        var textLines = String(decoding: textData, as: UTF8.self).split(separator: "\n").map(String.init)
        let aligned = textLines.count == jsonLines.count
        if !aligned { textLines = jsonLines }
        var newJSON = jsonLines
        for index in aligned ? affected : Array(jsonLines.indices) {
            if let event = event(jsonLines[index]) {
                let redacted = TranscriptEvent(
                    time: event.time, kind: event.kind, connection: event.connection, step: event.step,
                    fields: event.fields.map { ($0.0, redactor.redact($0.1)) })
                newJSON[index] = redacted.json.serialized()
                textLines[index] = TranscriptTextRenderer.line(redacted)
            } else {
                newJSON[index] = redactor.redact(jsonLines[index])
                textLines[index] = redactor.redact(textLines[index])
            }
        }
        try replace(location.jsonl, with: newJSON)
        try replace(location.text, with: textLines)
    }

    /// A transcript line parsed back into an event (nil when it is not one).
    static func event(_ line: String) -> TranscriptEvent? {
        guard case .object(let object)? = JSONText.parse(line) else { return nil }
        var time = 0.0
        var kind: TranscriptEventKind?
        var connection: String?
        var step: String?
        var fields: [(String, OutputJSON)] = []
        for member in object.members {
            switch (member.key, member.value) {
            case ("t", .number(let number)): time = number
            case ("t", .integer(let number)): time = Double(number)
            case ("event", .string(let name)): kind = TranscriptEventKind(rawValue: name)
            case ("conn", .string(let name)): connection = name
            case ("step", .integer(let index)): step = String(index)
            case ("step", .string(let path)): step = path
            default: fields.append((member.key, OutputJSON(member.value)))
            }
        }
        guard let kind else { return nil }
        return TranscriptEvent(time: time, kind: kind, connection: connection, step: step, fields: fields)
    }

    private static func replace(_ url: URL, with lines: [String]) throws {
        let temporary = url.appendingPathExtension("tmp")
        let text = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
        }
    }
}
