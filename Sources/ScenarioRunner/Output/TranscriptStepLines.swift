/// A step's `step_start` event and the fixed parts of its passed `step_end`, encoded once: every pass through a
/// `repeat` body then writes the time and the duration and copies the rest.
///
/// The bytes come from the general encoder (`TranscriptLineEncoder.encode`) run on the same event with time 0,
/// so they are the same as the general encoder's by construction.
public final class TranscriptStepLines: Sendable {
    /// The step path (`"3"`, `"3.1"`).
    public let path: String
    /// The connection the step acts on, if any.
    public let connection: String?
    /// The `step_start` fields: `kind`, `name` (if any), `line`, `file` (from another file).
    public let fields: [(String, OutputJSON)]
    /// The `step_start` JSON line after `{"t":TIME` (with the newline).
    let startJSON: [UInt8]
    /// The `step_start` text line after the time (with the newline).
    let startText: [UInt8]
    /// A passed `step_end`'s JSON line after `{"t":TIME`, up to its duration.
    let passedJSON: [UInt8]
    /// A passed `step_end`'s text line after the time, up to its duration.
    let passedText: [UInt8]

    /// The lines of the step at `path` (on `connection`) with these `step_start` fields.
    public init(path: String, connection: String?, fields: [(String, OutputJSON)]) {
        self.path = path
        self.connection = connection
        self.fields = fields
        let start = TranscriptStepLines.encoded(
            TranscriptEvent(time: 0, kind: .stepStart, connection: connection, step: path, fields: fields))
        startJSON = Array(start.json.dropFirst(TranscriptStepLines.jsonTime.count))
        startText = Array(start.text.dropFirst(TranscriptStepLines.textTime.count))
        let passed = TranscriptStepLines.encoded(
            TranscriptEvent(
                time: 0, kind: .stepEnd, step: path, fields: [("status", .string("passed")), ("duration", .int(0))]))
        // `...,"duration":0}\n` and `...  duration=0\n`: the duration's digit and what follows are written per pass.
        passedJSON = Array(passed.json.dropFirst(TranscriptStepLines.jsonTime.count).dropLast(3))
        passedText = Array(passed.text.dropFirst(TranscriptStepLines.textTime.count).dropLast(2))
    }

    /// What the general encoder writes for time 0 before the rest of each line.
    private static let jsonTime = Array(#"{"t":0"#.utf8)
    private static let textTime = Array("   0.000".utf8)

    private static func encoded(_ event: TranscriptEvent) -> (json: [UInt8], text: [UInt8]) {
        var json = TranscriptByteSink(capacity: 256)
        var text = TranscriptByteSink(capacity: 256)
        TranscriptLineEncoder.encode(event, json: &json, text: &text)
        let lines = (json.array(), text.array())
        precondition(lines.0.starts(with: jsonTime) && lines.1.starts(with: textTime), "unexpected line start")
        return lines
    }

    /// Appends the `step_start` lines at `time`.
    func appendStart(time: Double, json: inout TranscriptByteSink, text: inout TranscriptByteSink) {
        appendTimes(time, json: &json, text: &text)
        startJSON.withUnsafeBufferPointer { json.append($0) }
        startText.withUnsafeBufferPointer { text.append($0) }
    }

    /// Appends a passed `step_end`'s lines at `time` (`duration` in seconds, already rounded to microseconds).
    func appendPassed(time: Double, duration: Double, json: inout TranscriptByteSink, text: inout TranscriptByteSink) {
        appendTimes(time, json: &json, text: &text)
        passedJSON.withUnsafeBufferPointer { json.append($0) }
        passedText.withUnsafeBufferPointer { text.append($0) }
        let start = json.count
        TranscriptBytes.appendNumber(duration, to: &json)
        json.withBytes(in: start..<json.count) { text.append($0) }
        TranscriptLineEncoder.appendEnd(json: &json, text: &text)
    }

    private func appendTimes(_ time: Double, json: inout TranscriptByteSink, text: inout TranscriptByteSink) {
        TranscriptBytes.append("{\"t\":", to: &json)
        TranscriptBytes.appendNumber(TranscriptBytes.rounded(time * 1_000_000) / 1_000_000, to: &json)
        TranscriptBytes.appendTime(time, to: &text)
    }
}
