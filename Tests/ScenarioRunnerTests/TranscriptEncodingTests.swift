import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

/// The byte encoder of transcript lines must write exactly what `TranscriptEvent.json.serialized()` and
/// `TranscriptTextRenderer.line(_:)` produce (the reference implementations), for every kind of content.
@Suite("Transcript byte encoding")
struct TranscriptEncodingTests {
    // MARK: corpus

    static let strings: [String] = [
        "", "plain", "quote \" and backslash \\ and slash /",
        "\u{0}\u{1}\u{8}\u{B}\u{C}\u{E}\u{1F}\u{7F} nul and friends", "tab\tnew\nline\rreturn\r\nend",
        "\u{2028}line\u{2029}paragraph\u{2028}", "\u{85}NEL \u{9B}[31m CSI \u{80}\u{9F}\u{A0}nbsp ¢ \u{7F}",
        "{\"del\":\"\u{7F}\",\"nel\":\"\u{85}\"}", "€ ™ … → ← \u{2027}\u{202A} near the separators",
        "emoji 👩‍👩‍👧 🇫🇷 é e\u{301}", "{\"a\":1}", "[1,2,3]", "[]", "{}", "{not json", "[1,2",
        "{\"a\":\n1}", "{\"a\":\r\n1}", "[\"x\"]\r\n", "{\u{301}\"a\":1}", "{\"a\":\"\u{2028}\"}",
        "{\"quote\":\"\\\"\",\"emoji\":\"🎉\"}", " {\"a\":1}", "123", "true", "null",
        String(repeating: "a", count: 400), String(repeating: "a", count: 401),
        String(repeating: "a", count: 5000),
        String(repeating: "é", count: 399), String(repeating: "é", count: 401),
        String(repeating: "a", count: 399) + "👩‍👩‍👧" + "tail", String(repeating: "a", count: 400) + "\u{301}",
        String(repeating: "a", count: 401) + "\u{301}", String(repeating: "a", count: 399) + "\r\n" + "b",
        String(repeating: "a", count: 398) + "\r\nbb", String(repeating: "\"", count: 450),
        String(repeating: "\u{2028}", count: 410), String(repeating: "x\u{1}", count: 300),
        "[" + Array(repeating: "1", count: 300).joined(separator: ",") + "]",
        "{\"k\":\"" + String(repeating: "日本", count: 300) + "\"}",
    ]

    static let doubles: [Double] = [
        0, -0.0, 1, -1, 1e-6, 5e-5, 1e-4, 0.000123, 0.25, 0.1 + 0.2, 123.4567895, 123.456789, -2.5, 1e9, 1e15,
        1e16, 1e20, 123_456_789.123456, 999_999_999.999999, .nan, .infinity, -.infinity, Double.leastNonzeroMagnitude,
        1e300,
        Double(Int64.max),
    ]

    static let values: [OutputJSON] = {
        var values: [OutputJSON] = [.null, .bool(true), .bool(false), .int(0), .int(-5), .int(.min), .int(.max)]
        values += doubles.map { .double($0) }
        values += strings.map { .string($0) }
        values.append(.array([]))
        values.append(.object([]))
        values.append(.array([.bool(false), .bool(false), .bool(true)]))
        values.append(.array([.string("😀 \"x\""), .array([.int(1), .object([("k\n\u{2028}", .null)])])]))
        values.append(.object([("Host", .string("127.0.0.1:9001")), ("Upgrade", .string("websocket"))]))
        values.append(.array(Array(repeating: .string("ab"), count: 150)))
        values.append(.array(Array(repeating: .string("é😀"), count: 150)))
        values.append(.object((0..<40).map { ("header-\($0)", .string("value \($0) ünïcödé")) }))
        values.append(.array(Array(repeating: .string("\r\n"), count: 100)))
        values.append(.object(PayloadRecord.fields(randomBytes(70_000, seed: 3), preferText: false)))
        return values
    }()

    static let steps: [String?] = [nil, "0", "3", "3.1", "12.0.4", "007", "+3", "-1", "", "a b"]
    static let connections: [String?] = [nil, "alice", "b\"o\\b", "名前"]
    static let times: [Double] = [
        0, 0.0000004, 0.000001, 0.0000995, 0.0001, 0.0005, 0.9995, 1.5, 123.4567895, 3_600.25, 86_400 * 365,
        1e10, -1.5,
    ]

    /// Events of every kind, with every value, step, connection and time of the corpus.
    static let events: [TranscriptEvent] = {
        var events: [TranscriptEvent] = []
        let kinds = TranscriptEventKind.allCases
        for (index, value) in values.enumerated() {
            let kind = kinds[index % kinds.count]
            events.append(
                TranscriptEvent(
                    time: times[index % times.count], kind: kind, connection: connections[index % connections.count],
                    step: steps[index % steps.count], fields: [("value", value), ("weird \"key\"\n", value)]))
        }
        for kind in kinds {
            for step in steps {
                for connection in connections {
                    events.append(TranscriptEvent(time: 0.012, kind: kind, connection: connection, step: step))
                }
            }
        }
        for time in times + doubles.filter({ $0.isFinite && abs($0) < 1e12 }) {
            events.append(TranscriptEvent(time: time, kind: .stepEnd, step: "1", fields: [("status", .string("ok"))]))
        }
        let frame = FrameRecord(opcode: 0x1, payload: Array("0123456789abcdef0123456789abcdef".utf8))
        events.append(
            TranscriptEvent(time: 1.25, kind: .frameOut, connection: "c", step: "1.0", fields: frame.transcriptFields))
        let binary = FrameRecord(opcode: 0x2, payload: randomBytes(100_000, seed: 7))
        events.append(
            TranscriptEvent(time: 2, kind: .frameIn, connection: "c", step: "1.1", fields: binary.transcriptFields))
        let close = FrameRecord(opcode: 0x8, payload: [0x03, 0xE8] + Array("bye \"now\"".utf8))
        events.append(TranscriptEvent(time: 3, kind: .frameIn, connection: "c", fields: close.transcriptFields))
        return events
    }()

    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    static func encodedBytes(_ event: TranscriptEvent) -> (json: [UInt8], text: [UInt8]) {
        var json = TranscriptByteSink(capacity: 16)
        var text = TranscriptByteSink(capacity: 16)
        TranscriptLineEncoder.encode(event, json: &json, text: &text)
        return (json.array(), text.array())
    }

    static func encoded(_ event: TranscriptEvent) -> (json: String, text: String) {
        var json = TranscriptByteSink(capacity: 16)
        var text = TranscriptByteSink(capacity: 16)
        TranscriptLineEncoder.encode(event, json: &json, text: &text)
        return (String(decoding: json.array(), as: UTF8.self), String(decoding: text.array(), as: UTF8.self))
    }

    // MARK: tests

    @Test func everyEventOfTheCorpusEncodesLikeTheReference() {
        #expect(TranscriptEncodingTests.events.count > 500)
        for event in TranscriptEncodingTests.events {
            let (json, text) = TranscriptEncodingTests.encodedBytes(event)
            let expectedJSON = Array((event.json.serialized() + "\n").utf8)
            let expectedText = Array((TranscriptTextRenderer.line(event) + "\n").utf8)
            #expect(json == expectedJSON, "\(event.json.serialized())")
            #expect(text == expectedText, "\(TranscriptTextRenderer.line(event))")
            #expect(TranscriptTextRenderer.line(event) == LegacyTextRenderer.line(event))
        }
    }

    /// DEL and the C1 controls (NEL, CSI ...) are written as `\u007f`-style escapes in the text line, as the C0
    /// ones are, so that a terminal showing the .txt transcript does not act on them; the JSON line keeps them.
    @Test func deleteAndC1ControlsAreEscapedInTheTextLine() {
        let event = TranscriptEvent(
            time: 0, kind: .scenarioStart, fields: [("name", .string("a\u{7F}b\u{85}c\u{9B}d\u{A0}e"))])
        let (json, text) = TranscriptEncodingTests.encoded(event)
        #expect(text == "   0.000  scenario_start  name=\"a\\u007fb\\u0085c\\u009bd\u{A0}e\"\n")
        #expect(TranscriptTextRenderer.line(event) + "\n" == text)
        #expect(json.contains("a\u{7F}b\u{85}c\u{9B}d"), "the JSON line is unchanged")
    }

    @Test func encodingAppendsToWhatIsBuffered() {
        var json = TranscriptByteSink(capacity: 16)
        var text = TranscriptByteSink(capacity: 16)
        Array("{\"t\":0}\n".utf8).withUnsafeBufferPointer { json.append($0) }
        Array("earlier\n".utf8).withUnsafeBufferPointer { text.append($0) }
        let event = TranscriptEvent(
            time: 0.5, kind: .capture, fields: [("name", .string(String(repeating: "x", count: 500)))])
        TranscriptLineEncoder.encode(event, json: &json, text: &text)
        #expect(String(decoding: json.array(), as: UTF8.self) == "{\"t\":0}\n" + event.json.serialized() + "\n")
        #expect(
            String(decoding: text.array(), as: UTF8.self) == "earlier\n" + TranscriptTextRenderer.line(event) + "\n")
    }

    @Test func escapingFindsSpecialCharactersAtEveryPositionOfAWord() {
        let specials = [
            "\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "€", "é", "😀", " ", "~",
        ]
        for special in specials {
            for position in 0..<20 {
                for length in [position + 1, 24, 33] where length > position {
                    let text =
                        String(repeating: "a", count: position) + special
                        + String(repeating: "b", count: length - position - 1)
                    var bytes = TranscriptByteSink(capacity: 16)
                    TranscriptBytes.appendQuoted(text, to: &bytes)
                    #expect(String(decoding: bytes.array(), as: UTF8.self) == OutputJSON.string(text).serialized())
                }
            }
        }
    }

    @Test func numbersAreFormattedLikeJSONTextWriter() {
        var samples = TranscriptEncodingTests.doubles
        samples += (0..<200_000).map { Double($0) / 1_000_000 }
        for step in 0..<200_000 {
            let micros: Double = (Double(step * 7_919 + 13) * 1.000_001).rounded()
            samples.append(micros / 1_000_000)
        }
        var state: UInt64 = 42
        for _ in 0..<100_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let micros = Double(state >> 14)  // up to ~1.1e15 microseconds
            samples.append(micros / 1_000_000)
            samples.append((Double(state >> 40) / 997).rounded() / 1_000_000)
            samples.append(Double(bitPattern: state))
        }
        var mismatches: [String] = []
        for value in samples {
            var bytes = TranscriptByteSink(capacity: 16)
            TranscriptBytes.appendNumber(value, to: &bytes)
            let expected = JSONTextWriter.format(value)
            if String(decoding: bytes.array(), as: UTF8.self) != expected { mismatches.append(expected) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func roundingAgreesWithTheStandardLibrary() {
        var samples: [Double] = [
            0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 4503599627370495.5,
            4503599627370496, 9007199254740993, 4e18, -4e18, 1e300, .infinity, -.infinity, .leastNonzeroMagnitude,
            -.leastNonzeroMagnitude, .greatestFiniteMagnitude,
        ]
        var state: UInt64 = 7
        for _ in 0..<200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            samples.append(Double(bitPattern: state))
            samples.append(Double(Int64(bitPattern: state) >> 20) / 2)
            samples.append(Double(state >> 30) / 1_000_000 * 1_000_000)
        }
        for value in samples where !value.isNaN {
            let ours = TranscriptBytes.rounded(value)
            if ours != value.rounded() || ours.sign != value.rounded().sign {
                Issue.record("\(value): \(ours) != \(value.rounded())")
                return
            }
        }
        #expect(TranscriptBytes.rounded(.nan).isNaN)
    }

    @Test func timesAreFormattedLikeTheRenderer() {
        var samples = TranscriptEncodingTests.times
        samples += (0..<120_000).map { Double($0) / 7_919 }
        samples += [99_999.9995, 9_999_999.9, 123_456_789.0, 0.0004999, 0.0005000001]
        for seconds in samples {
            var bytes = TranscriptByteSink(capacity: 16)
            TranscriptBytes.appendTime(seconds, to: &bytes)
            let expected = TranscriptTextRenderer.formatTime(seconds)
            let written = String(decoding: bytes.array(), as: UTF8.self)
            if written != expected {
                Issue.record("\(seconds): \(written) != \(expected)")
                return
            }
        }
    }

    @Test func base64MatchesFoundation() {
        for count in Array(0..<70) + [1_000, 65_535, 65_536] {
            let bytes = TranscriptEncodingTests.randomBytes(count, seed: UInt64(count))
            #expect(PayloadRecord.base64(bytes[...]) == Data(bytes).base64EncodedString(), "\(count) bytes")
        }
        // The remembered last encoding must never answer for different bytes of the same length.
        let first = TranscriptEncodingTests.randomBytes(8_192, seed: 11)
        var second = first
        second[8_000] ^= 0x01
        for bytes in [first, first, second, first, second, second] {
            #expect(PayloadRecord.base64(bytes[...]) == Data(bytes).base64EncodedString())
        }
        let fields = OutputJSON.object(
            PayloadRecord.fields(TranscriptEncodingTests.randomBytes(70_000, seed: 1), preferText: true))
        #expect(fields.serialized().hasPrefix(#"{"length":70000,"base64":""#))
        #expect(fields["truncated"] == .bool(true))
        let cutText = Array(String(repeating: "é", count: 40_000).utf8)  // 80,000 bytes: the cut splits a character
        let text = OutputJSON.object(PayloadRecord.fields(cutText, preferText: true))
        #expect(text["text"] == .string(String(repeating: "é", count: 32_768)))
    }

    @Test func strictUTF8DecodingAgreesWithStringValidating() {
        var samples: [[UInt8]] = [
            [], [0x41], [0xC3, 0xA9], [0xC3], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBD],
            [0xEF, 0xBF], [0xEF, 0xBF, 0x41], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98],
            [0xFF], [0x80], Array("plain ascii text longer than eight".utf8), Array("emoji 😀 and é".utf8),
        ]
        for seed in 0..<400 {
            var bytes = TranscriptEncodingTests.randomBytes(seed % 40, seed: UInt64(seed))
            if seed % 3 == 0 { bytes = bytes.map { $0 & 0x7F } }
            if seed % 5 == 0 { bytes += Array("é😀".utf8).prefix(seed % 7) }
            samples.append(bytes)
        }
        for bytes in samples {
            let strict = bytes.withUnsafeBufferPointer { PayloadRecord.strictUTF8($0) }
            #expect(strict == String(validating: bytes, as: UTF8.self), "\(bytes)")
        }
    }

    @Test func writerFilesEqualTheReferenceWithSecretsRedacted() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("encoding-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = TranscriptLocation(directory: directory, file: "enc.yaml", name: "encoding")
        let observed = ObservedLines()
        var nanos: UInt64 = 1_000
        let writer = try TranscriptWriter(
            location: location, redactor: Redactor(secrets: ["hunter2", "é😀", "\"quoted\""]), startNanos: 1_000,
            clock: { 1_000 }, keepEvents: true, observer: { observed.append($0) })
        for (index, event) in TranscriptEncodingTests.events.enumerated() {
            nanos += UInt64(index) * 1_234_567
            var fields = event.fields
            fields.append(("secret", .string("pw=hunter2, \"quoted\"")))
            fields.append(("nested", .object([("hunter2", .array([.string("xhunter2y"), .string("é😀")]))])))
            writer.record(event.kind, connection: event.connection, step: event.step, at: nanos, fields)
        }
        writer.finish()
        let recorded = writer.recordedEvents
        #expect(recorded.count == TranscriptEncodingTests.events.count)
        let expectedJSON = recorded.map { $0.json.serialized() + "\n" }.joined()
        let expectedText = recorded.map { TranscriptTextRenderer.line($0) + "\n" }.joined()
        let json = try String(contentsOf: location.jsonl, encoding: .utf8)
        let text = try String(contentsOf: location.text, encoding: .utf8)
        #expect(json == expectedJSON)
        #expect(text == expectedText)
        #expect(!json.contains("hunter2") && !text.contains("hunter2") && !json.contains("é😀"))
        #expect(json.contains("pw=***, ***"))
        #expect(observed.lines == recorded.map(TranscriptTextRenderer.line))
    }

    @Test func writerWithoutSecretsWritesTheFieldsUnchanged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("encoding-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = TranscriptLocation(directory: directory, file: "enc.yaml", name: "plain")
        let writer = try TranscriptWriter(
            location: location, redactor: Redactor(), startNanos: 0, clock: { 2_500_000_000 }, keepEvents: true)
        let fields: [(String, OutputJSON)] = [("text", .string("hunter2 \u{2028}")), ("n", .double(0.000321))]
        writer.record(.messageIn, connection: "a", step: "4", fields)
        writer.finish()
        let json = try String(contentsOf: location.jsonl, encoding: .utf8)
        let text = try String(contentsOf: location.text, encoding: .utf8)
        #expect(
            json == #"{"t":2.5,"event":"message_in","conn":"a","step":4,"text":"hunter2 \u2028","n":0.000321}"# + "\n")
        #expect(text == #"   2.500  [4] a  ← message_in  text="hunter2 \u2028"  n=0.000321"# + "\n")
    }
}

/// Lines handed to a transcript observer (from any thread).
private final class ObservedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    func append(_ line: String) { lock.withLock { storage.append(line) } }

    var lines: [String] { lock.withLock { storage } }
}

/// The text renderer as it was before the byte encoder (counting every character of long values), kept as an
/// independent oracle for `TranscriptTextRenderer.line(_:)`.
private enum LegacyTextRenderer {
    static func line(_ event: TranscriptEvent) -> String {
        var line = TranscriptTextRenderer.formatTime(event.time) + "  "
        if let step = event.step { line += "[\(step)] " }
        if let connection = event.connection { line += "\(connection)  " }
        switch event.kind {
        case .frameOut, .handshakeRequest, .httpRequest: line += "→ "
        case .frameIn, .handshakeResponse, .httpResponse, .messageIn: line += "← "
        default: break
        }
        line += event.kind.rawValue
        for (key, value) in event.fields {
            line += "  \(key)=\(render(value))"
        }
        // DEL and the C1 controls are escaped in the text line (JSON leaves them as they are).
        var escaped = ""
        for scalar in line.unicodeScalars {
            if scalar.value >= 0x7F && scalar.value <= 0x9F {
                escaped += String(format: "\\u%04x", scalar.value)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func render(_ value: OutputJSON) -> String {
        switch value {
        case .string(let text):
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
