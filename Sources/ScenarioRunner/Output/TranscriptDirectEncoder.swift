/// Encodes the events a message-heavy run records most — `frame_out` / `frame_in` of ordinary frames, `message_in`
/// and a passed `step_end` — straight from their data, without building the event's fields: byte for byte what
/// `TranscriptLineEncoder.encode` writes for the same event (`TranscriptKeptEvent.event`).
///
/// Each function returns false, having written nothing, when its event needs the general encoder: a close frame,
/// a compressed frame, set RSV bits, a reserved opcode, a header length other than the payload's (`payload_length`),
/// or text that is not plain ASCII (or holds DEL).
enum TranscriptDirectEncoder {
    /// How a payload is shown: as text (plain ASCII) or as base64.
    private enum PayloadForm {
        case text
        case base64
    }

    /// Appends a frame event's lines.
    static func encodeFrame(
        time: Double, kind: TranscriptEventKind, connection: String, step: String?, frame: FrameRecord,
        preferText: Bool, json: inout TranscriptByteSink, text: inout TranscriptByteSink
    ) -> Bool {
        guard !frame.compressed, frame.length == frame.payloadLength, frame.rsv.count == 3, !frame.rsv.contains(true),
            let opcode = opcodeName(frame.opcode)
        else { return false }
        return frame.payload.withUnsafeBufferPointer { payload in
            guard let form = payloadForm(payload, preferText: preferText) else { return false }
            TranscriptLineEncoder.appendHeader(
                time: time, kind: kind, connection: connection, step: step, json: &json, text: &text)
            appendField("opcode", quoted: opcode, json: &json, text: &text)
            appendField("fin", literal: frame.fin ? "true" : "false", json: &json, text: &text)
            appendField("rsv", literal: "[false,false,false]", json: &json, text: &text)
            if frame.masked { appendField("masked", literal: "true", json: &json, text: &text) }
            appendPayload(payload, form: form, length: frame.length, json: &json, text: &text)
            TranscriptLineEncoder.appendEnd(json: &json, text: &text)
            return true
        }
    }

    /// Appends a `message_in` event's lines; `shown` is the payload's first `FrameRecord.keptPayloadBytes` bytes
    /// (or all of it) and `length` its real length.
    static func encodeMessage(
        time: Double, connection: String, step: String?, isText: Bool, shown: UnsafeBufferPointer<UInt8>,
        length: Int, json: inout TranscriptByteSink, text: inout TranscriptByteSink
    ) -> Bool {
        guard let form = payloadForm(shown, preferText: isText) else { return false }
        TranscriptLineEncoder.appendHeader(
            time: time, kind: .messageIn, connection: connection, step: step, json: &json, text: &text)
        appendField("type", quoted: isText ? "text" : "binary", json: &json, text: &text)
        appendPayload(shown, form: form, length: length, json: &json, text: &text)
        TranscriptLineEncoder.appendEnd(json: &json, text: &text)
        return true
    }

    /// Appends a passed step's `step_end` lines (`duration` in seconds, already rounded to microseconds).
    static func encodeStepPassed(
        time: Double, step: String, duration: Double, json: inout TranscriptByteSink, text: inout TranscriptByteSink
    ) {
        TranscriptLineEncoder.appendHeader(
            time: time, kind: .stepEnd, connection: nil, step: step, json: &json, text: &text)
        appendField("status", quoted: "passed", json: &json, text: &text)
        appendKey("duration", json: &json, text: &text)
        let start = json.count
        TranscriptBytes.appendNumber(duration, to: &json)
        json.withBytes(in: start..<json.count) { text.append($0) }
        TranscriptLineEncoder.appendEnd(json: &json, text: &text)
    }

    // MARK: fields

    private static func opcodeName(_ opcode: UInt8) -> StaticString? {
        switch opcode {
        case 0x0: "continuation"
        case 0x1: "text"
        case 0x2: "binary"
        case 0x9: "ping"
        case 0xA: "pong"
        default: nil
        }
    }

    /// How `PayloadRecord.fields` would show `payload` (at most `PayloadRecord.limit` bytes of it), or nil when
    /// the general encoder must decide (text that is not plain ASCII).
    private static func payloadForm(_ payload: UnsafeBufferPointer<UInt8>, preferText: Bool) -> PayloadForm? {
        guard preferText else { return .base64 }
        let shown = UnsafeBufferPointer(rebasing: payload[..<min(payload.count, PayloadRecord.limit)])
        return TranscriptLineEncoder.isPlainPrintableASCII(shown) ? .text : nil
    }

    /// Appends `length`, then `text` or `base64`, then `truncated` when the payload is longer than the limit.
    private static func appendPayload(
        _ payload: UnsafeBufferPointer<UInt8>, form: PayloadForm, length: Int, json: inout TranscriptByteSink,
        text: inout TranscriptByteSink
    ) {
        appendKey("length", json: &json, text: &text)
        let start = json.count
        TranscriptBytes.appendInt(length, to: &json)
        json.withBytes(in: start..<json.count) { text.append($0) }
        let truncated = payload.count > PayloadRecord.limit
        let shown = UnsafeBufferPointer(rebasing: payload[..<min(payload.count, PayloadRecord.limit)])
        switch form {
        case .text:
            appendKey("text", json: &json, text: &text)
            appendPlainString(shown, json: &json, text: &text)
        case .base64:
            appendKey("base64", json: &json, text: &text)
            var encoded = TranscriptBase64.encode(shown)
            encoded.withUTF8 { appendPlainString($0, json: &json, text: &text, needsEscaping: false) }
        }
        if truncated { appendField("truncated", literal: "true", json: &json, text: &text) }
    }

    /// Appends a plain-ASCII string value (no byte ≥ 0x80, no CR: every byte is one character) as the general
    /// encoder does: quoted in the JSON line; in the text line, a one-line JSON document as itself, other text
    /// quoted, either cut after 400 characters with `…`. Base64 (`needsEscaping: false`) is copied without a
    /// look at its characters: none of them needs escaping, and 64 KiB payloads make it long.
    private static func appendPlainString(
        _ bytes: UnsafeBufferPointer<UInt8>, json: inout TranscriptByteSink, text: inout TranscriptByteSink,
        needsEscaping: Bool = true
    ) {
        let start = json.count
        json.append(0x22)
        if needsEscaping { TranscriptBytes.appendEscaped(bytes, to: &json) } else { json.append(bytes) }
        json.append(0x22)
        // Plain ASCII: every byte is one character, so the first 400 characters end at byte 400.
        let limit = TranscriptLineEncoder.shownCharacters
        let isDocument =
            bytes.first.map { $0 == 0x7B || $0 == 0x5B } == true
            && TranscriptTextRenderer.looksLikeJSON(String(decoding: bytes, as: UTF8.self))
        TranscriptLineEncoder.appendShown(
            bytes, cut: bytes.count > limit ? limit : nil, isJSONDocument: isDocument, encoded: start..<json.count,
            of: json, to: &text)
    }

    /// Appends `,"key":` and `  key=`.
    @inline(__always)
    private static func appendKey(_ key: StaticString, json: inout TranscriptByteSink, text: inout TranscriptByteSink) {
        TranscriptBytes.append(",\"", to: &json)
        TranscriptBytes.append(key, to: &json)
        TranscriptBytes.append("\":", to: &json)
        TranscriptBytes.append("  ", to: &text)
        TranscriptBytes.append(key, to: &text)
        text.append(0x3D)
    }

    /// Appends a field whose value is written as it is (`true`, `[false,false,false]`) in both lines.
    private static func appendField(
        _ key: StaticString, literal: StaticString, json: inout TranscriptByteSink, text: inout TranscriptByteSink
    ) {
        appendKey(key, json: &json, text: &text)
        TranscriptBytes.append(literal, to: &json)
        TranscriptBytes.append(literal, to: &text)
    }

    /// Appends a field whose value is a string that needs no escaping (`"text"`) in both lines.
    private static func appendField(
        _ key: StaticString, quoted value: StaticString, json: inout TranscriptByteSink,
        text: inout TranscriptByteSink
    ) {
        appendKey(key, json: &json, text: &text)
        json.append(0x22)
        TranscriptBytes.append(value, to: &json)
        json.append(0x22)
        text.append(0x22)
        TranscriptBytes.append(value, to: &text)
        text.append(0x22)
    }
}
