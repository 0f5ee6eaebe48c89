import Foundation

/// Encodes one transcript event straight into UTF-8 bytes: its JSON Lines line and its text line, each followed by
/// `\n`, byte for byte what `event.json.serialized()` and `TranscriptTextRenderer.line(event)` produce, without
/// building an `OutputJSON` tree or any intermediate `String`.
///
/// Both lines list the fields in the same order, so each field is encoded as JSON once and its text rendering
/// reuses those bytes whenever the renderer shows the value as its JSON text.
enum TranscriptLineEncoder {
    /// The longest value the text line shows, in characters (`…` is appended when a value is cut).
    static let shownCharacters = 400

    /// Appends `event`'s JSON line to `json` and its text line to `text`.
    static func encode(_ event: TranscriptEvent, json: inout TranscriptByteSink, text: inout TranscriptByteSink) {
        let textStart = text.count
        appendHeader(
            time: event.time, kind: event.kind, connection: event.connection, step: event.step, json: &json,
            text: &text)
        for (key, value) in event.fields {
            json.append(0x2C)
            TranscriptBytes.appendQuoted(key, to: &json)
            json.append(0x3A)
            let valueStart = json.count
            appendJSON(value, to: &json)
            TranscriptBytes.append("  ", to: &text)
            TranscriptBytes.appendRaw(key, to: &text)
            text.append(0x3D)
            let encoded = valueStart..<json.count
            if case .string(let string) = value {
                appendShownString(string, encoded: encoded, of: json, to: &text)
            } else {
                let shownStart = text.count
                json.withBytes(in: encoded) { text.append($0) }
                if text.count - shownStart > shownCharacters { cutShown(&text, from: shownStart) }
            }
        }
        // DEL and C1 controls, which JSON leaves as they are, are escaped in the text line (the direct encoder
        // takes no event holding one).
        text.escapeDeleteAndC1(from: textStart)
        appendEnd(json: &json, text: &text)
    }

    /// Appends what both lines start with: `{"t":…,"event":"…","conn":…,"step":…` and the text line's time,
    /// step, connection, arrow and event name.
    static func appendHeader(
        time: Double, kind: TranscriptEventKind, connection: String?, step: String?,
        json: inout TranscriptByteSink, text: inout TranscriptByteSink
    ) {
        TranscriptBytes.append("{\"t\":", to: &json)
        TranscriptBytes.appendNumber(TranscriptBytes.rounded(time * 1_000_000) / 1_000_000, to: &json)
        TranscriptBytes.append(",\"event\":\"", to: &json)
        TranscriptBytes.append(name(kind), to: &json)
        json.append(0x22)
        TranscriptBytes.appendTime(time, to: &text)
        TranscriptBytes.append("  ", to: &text)
        if let connection {
            TranscriptBytes.append(",\"conn\":", to: &json)
            TranscriptBytes.appendQuoted(connection, to: &json)
        }
        if let step {
            TranscriptBytes.append(",\"step\":", to: &json)
            if let index = Int(step) {
                TranscriptBytes.appendInt(index, to: &json)
            } else {
                TranscriptBytes.appendQuoted(step, to: &json)
            }
            text.append(0x5B)
            TranscriptBytes.appendRaw(step, to: &text)
            TranscriptBytes.append("] ", to: &text)
        }
        if let connection {
            TranscriptBytes.appendRaw(connection, to: &text)
            TranscriptBytes.append("  ", to: &text)
        }
        switch kind {
        case .frameOut, .handshakeRequest, .httpRequest: TranscriptBytes.append("→ ", to: &text)
        case .frameIn, .handshakeResponse, .httpResponse, .messageIn: TranscriptBytes.append("← ", to: &text)
        default: break
        }
        TranscriptBytes.append(name(kind), to: &text)
    }

    /// Ends both lines.
    @inline(__always)
    static func appendEnd(json: inout TranscriptByteSink, text: inout TranscriptByteSink) {
        json.append(0x7D)
        json.append(0x0A)
        text.append(0x0A)
    }

    /// The event name (`kind.rawValue`) as a literal.
    private static func name(_ kind: TranscriptEventKind) -> StaticString {
        switch kind {
        case .scenarioStart: "scenario_start"
        case .stepStart: "step_start"
        case .stepEnd: "step_end"
        case .handshakeRequest: "handshake_request"
        case .handshakeResponse: "handshake_response"
        case .httpRequest: "http_request"
        case .httpResponse: "http_response"
        case .frameOut: "frame_out"
        case .frameIn: "frame_in"
        case .messageIn: "message_in"
        case .capture: "capture"
        case .error: "error"
        case .close: "close"
        case .scenarioEnd: "scenario_end"
        }
    }

    /// Appends `value` as compact JSON, like `OutputJSON.serialized()`.
    static func appendJSON(_ value: OutputJSON, to out: inout TranscriptByteSink) {
        switch value {
        case .null: TranscriptBytes.append("null", to: &out)
        case .bool(let flag):
            flag ? TranscriptBytes.append("true", to: &out) : TranscriptBytes.append("false", to: &out)
        case .int(let number): TranscriptBytes.appendInt(number, to: &out)
        case .double(let number): TranscriptBytes.appendNumber(number, to: &out)
        case .bigInteger(let digits): TranscriptBytes.appendRaw(digits, to: &out)
        case .string(let string): TranscriptBytes.appendQuoted(string, to: &out)
        case .array(let items):
            out.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x2C) }
                appendJSON(item, to: &out)
            }
            out.append(0x5D)
        case .object(let members):
            out.append(0x7B)
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(0x2C) }
                TranscriptBytes.appendQuoted(member.0, to: &out)
                out.append(0x3A)
                appendJSON(member.1, to: &out)
            }
            out.append(0x7D)
        }
    }

    /// Appends a string field as the text line shows it: a one-line JSON document as itself, other text quoted;
    /// either cut after 400 characters. `encoded` is the string's JSON encoding, reused when nothing is cut.
    private static func appendShownString(
        _ string: String, encoded: Range<Int>, of json: borrowing TranscriptByteSink, to text: inout TranscriptByteSink
    ) {
        TranscriptBytes.withBytes(string) { bytes in
            let isDocument =
                bytes.first.map { $0 == 0x7B || $0 == 0x5B } == true && TranscriptTextRenderer.looksLikeJSON(string)
            appendShown(
                bytes, cut: shownEnd(string, bytes), isJSONDocument: isDocument, encoded: encoded, of: json,
                to: &text)
        }
    }

    /// Appends a string field's text rendering from its UTF-8 `bytes`: a one-line JSON document
    /// (`isJSONDocument`) as itself, other text quoted, either cut at byte `cut` (where its first 400 characters
    /// end; nil when it has no more) with `…`. `encoded` is the string's JSON encoding in `json`, reused when
    /// nothing is cut.
    static func appendShown(
        _ bytes: UnsafeBufferPointer<UInt8>, cut: Int?, isJSONDocument: Bool, encoded: Range<Int>,
        of json: borrowing TranscriptByteSink, to text: inout TranscriptByteSink
    ) {
        if isJSONDocument {
            text.append(UnsafeBufferPointer(rebasing: bytes[..<(cut ?? bytes.count)]))
            if cut != nil { TranscriptBytes.append("…", to: &text) }
        } else if let cut {
            text.append(0x22)
            TranscriptBytes.appendEscaped(UnsafeBufferPointer(rebasing: bytes[..<cut]), to: &text)
            TranscriptBytes.append("…\"", to: &text)
        } else {
            json.withBytes(in: encoded) { text.append($0) }
        }
    }

    /// The UTF-8 length of `string`'s first 400 characters when it has more than 400, else nil.
    private static func shownEnd(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count > shownCharacters else { return nil }
        if isPlainASCII(UnsafeBufferPointer(rebasing: bytes[...shownCharacters])) { return shownCharacters }
        guard let end = string.index(string.startIndex, offsetBy: shownCharacters, limitedBy: string.endIndex),
            end != string.endIndex
        else { return nil }
        return string.utf8.distance(from: string.startIndex, to: end)
    }

    /// Cuts the text appended to `text` since `start` (a JSON value's text) after 400 characters, adding `…`.
    private static func cutShown(_ text: inout TranscriptByteSink, from start: Int) {
        if text.withBytes(in: start..<(start + shownCharacters + 1), isPlainASCII) {
            text.removeSuffix(from: start + shownCharacters)
        } else {
            let shown = text.withBytes(in: start..<text.count) { String(decoding: $0, as: UTF8.self) }
            guard let end = shown.index(shown.startIndex, offsetBy: shownCharacters, limitedBy: shown.endIndex),
                end != shown.endIndex
            else { return }
            text.removeSuffix(from: start)
            TranscriptBytes.appendRaw(String(shown[..<end]), to: &text)
        }
        TranscriptBytes.append("…", to: &text)
    }

    /// Whether every byte is ASCII other than CR: then every byte is one character (`\r\n` is one).
    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 || byte == 0x0D { return false }
        return true
    }

    /// Whether every byte is ASCII other than CR and DEL: text the direct encoder can write as it is (the text
    /// line escapes DEL).
    static func isPlainPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x7F || byte == 0x0D { return false }
        return true
    }
}
