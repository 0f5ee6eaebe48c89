import Testing

@testable import ScenarioRunner

/// A step's `step_start` and passed `step_end` written from lines encoded once must be byte for byte what the
/// general encoder writes for the same events, at any time and duration.
@Suite("Transcript step lines")
struct TranscriptStepLinesTests {
    static let fieldLists: [[(String, OutputJSON)]] = [
        [("kind", .string("send")), ("line", .int(12))],
        [
            ("kind", .string("expect_message")), ("name", .string("wait for \"bye\" \\ \n ünïcode 名前")),
            ("line", .int(7)),
        ],
        [("kind", .string("include")), ("line", .int(1)), ("file", .string("shared/login.yaml"))],
        [
            ("kind", .string("repeat")), ("name", .string(String(repeating: "long ", count: 200))),
            ("line", .int(99_999)),
        ],
        [],
    ]

    static let durations: [Double] = [0, 0.000001, 0.000022, 0.0001, 0.002525, 1, 1.5, 3_600.000001, 1e10]

    @Test func linesEncodeLikeTheGeneralEncoder() {
        var index = 0
        for fields in TranscriptStepLinesTests.fieldLists {
            for step in TranscriptEncodingTests.steps.compactMap({ $0 }) {
                for connection in TranscriptEncodingTests.connections {
                    index += 1
                    let lines = TranscriptStepLines(path: step, connection: connection, fields: fields)
                    let time = TranscriptEncodingTests.times[index % TranscriptEncodingTests.times.count]
                    var json = TranscriptByteSink(capacity: 16)
                    var text = TranscriptByteSink(capacity: 16)
                    lines.appendStart(time: time, json: &json, text: &text)
                    let start = TranscriptEncodingTests.encodedBytes(
                        TranscriptEvent(
                            time: time, kind: .stepStart, connection: connection, step: step, fields: fields))
                    #expect(json.array() == start.json, "\(String(decoding: start.json, as: UTF8.self))")
                    #expect(text.array() == start.text, "\(String(decoding: start.text, as: UTF8.self))")
                    let duration = TranscriptStepLinesTests.durations[index % TranscriptStepLinesTests.durations.count]
                    var endJSON = TranscriptByteSink(capacity: 16)
                    var endText = TranscriptByteSink(capacity: 16)
                    lines.appendPassed(time: time, duration: duration, json: &endJSON, text: &endText)
                    let end = TranscriptEncodingTests.encodedBytes(
                        TranscriptEvent(
                            time: time, kind: .stepEnd, step: step,
                            fields: [("status", .string("passed")), ("duration", .double(duration))]))
                    #expect(endJSON.array() == end.json, "\(String(decoding: end.json, as: UTF8.self))")
                    #expect(endText.array() == end.text, "\(String(decoding: end.text, as: UTF8.self))")
                }
            }
        }
        #expect(index > 100)
    }

    @Test func keptEventsRenderTheSameFields() {
        let lines = TranscriptStepLines(path: "2.1", connection: "alice", fields: [("kind", .string("send"))])
        let start = TranscriptKeptEvent.stepStart(time: 1.5, lines: lines).event
        #expect(start.kind == .stepStart && start.connection == "alice" && start.step == "2.1")
        #expect(start["kind"] == .string("send"))
        let end = TranscriptKeptEvent.stepPassedLines(time: 2, lines: lines, duration: 0.5).event
        #expect(end.kind == .stepEnd && end.connection == nil && end.step == "2.1")
        #expect(end["status"] == .string("passed") && end["duration"] == .double(0.5))
    }
}
