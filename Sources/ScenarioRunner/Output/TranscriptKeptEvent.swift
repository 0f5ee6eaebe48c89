/// An event as the transcript writer keeps it for the text rendering of reports: the most frequent events keep
/// their data and build their fields only when a report is rendered (most kept events never are).
enum TranscriptKeptEvent {
    case event(TranscriptEvent)
    /// `frame_out` or `frame_in`.
    case frame(
        time: Double, kind: TranscriptEventKind, connection: String, step: String?, record: FrameRecord,
        preferText: Bool)
    /// `message_in`; `shown` is the payload's first `FrameRecord.keptPayloadBytes` bytes (or all of it).
    case message(time: Double, connection: String, step: String?, isText: Bool, shown: [UInt8], length: Int)
    /// A passed step's `step_end` (`duration` in seconds, rounded to microseconds).
    case stepPassed(time: Double, step: String, duration: Double)
    /// A step's `step_start`, from its lines encoded once.
    case stepStart(time: Double, lines: TranscriptStepLines)
    /// A passed step's `step_end`, from its lines encoded once.
    case stepPassedLines(time: Double, lines: TranscriptStepLines, duration: Double)

    /// The event with its fields.
    var event: TranscriptEvent {
        switch self {
        case .event(let event):
            return event
        case .frame(let time, let kind, let connection, let step, let record, let preferText):
            return TranscriptEvent(
                time: time, kind: kind, connection: connection, step: step,
                fields: record.transcriptFields(preferText: preferText))
        case .message(let time, let connection, let step, let isText, let shown, let length):
            return TranscriptEvent(
                time: time, kind: .messageIn, connection: connection, step: step,
                fields: PayloadRecord.messageFields(shown, isText: isText, length: length))
        case .stepPassed(let time, let step, let duration):
            return TranscriptEvent(
                time: time, kind: .stepEnd, step: step,
                fields: [("status", .string("passed")), ("duration", .double(duration))])
        case .stepStart(let time, let lines):
            return TranscriptEvent(
                time: time, kind: .stepStart, connection: lines.connection, step: lines.path, fields: lines.fields)
        case .stepPassedLines(let time, let lines, let duration):
            return TranscriptEvent(
                time: time, kind: .stepEnd, step: lines.path,
                fields: [("status", .string("passed")), ("duration", .double(duration))])
        }
    }

    /// Roughly how many bytes encoding the event reads: its payload, or its string fields.
    var approximateSize: Int {
        guard case .event(let event) = self else { return payloadSize }
        var size = 0
        for (_, value) in event.fields {
            if case .string(let text) = value { size += text.utf8.count }
        }
        return size
    }

    /// The payload bytes this event holds (the kept ring cuts events holding more than it shows).
    var payloadSize: Int {
        switch self {
        case .event: 0
        case .frame(_, _, _, _, let record, _): record.payload.count
        case .message(_, _, _, _, let shown, _): shown.count
        case .stepPassed, .stepStart, .stepPassedLines: 0
        }
    }
}

extension TranscriptKeptEvent {
    /// Appends the event's JSON line to `json` and its text line to `text`: straight from its data where the
    /// direct encoder can, through its fields otherwise (the same bytes either way).
    func encode(json: inout TranscriptByteSink, text: inout TranscriptByteSink) {
        let written: Bool
        switch self {
        case .event(let event):
            TranscriptLineEncoder.encode(event, json: &json, text: &text)
            return
        case .frame(let time, let kind, let connection, let step, let record, let preferText):
            written = TranscriptDirectEncoder.encodeFrame(
                time: time, kind: kind, connection: connection, step: step, frame: record, preferText: preferText,
                json: &json, text: &text)
        case .message(let time, let connection, let step, let isText, let shown, let length):
            written = shown.withUnsafeBufferPointer {
                TranscriptDirectEncoder.encodeMessage(
                    time: time, connection: connection, step: step, isText: isText, shown: $0, length: length,
                    json: &json, text: &text)
            }
        case .stepPassed(let time, let step, let duration):
            TranscriptDirectEncoder.encodeStepPassed(
                time: time, step: step, duration: duration, json: &json, text: &text)
            return
        case .stepStart(let time, let lines):
            lines.appendStart(time: time, json: &json, text: &text)
            return
        case .stepPassedLines(let time, let lines, let duration):
            lines.appendPassed(time: time, duration: duration, json: &json, text: &text)
            return
        }
        if !written { TranscriptLineEncoder.encode(event, json: &json, text: &text) }
    }
}
