import Foundation
import Testing

@testable import ScenarioRunner

/// Frames, messages and passed steps recorded through the writer's direct paths end up in the files and the report
/// text exactly as events with fields would, secrets included.
@Suite("Transcript writer direct paths")
struct TranscriptWriterDirectTests {
    private static func recordMixed(_ writer: TranscriptWriter, count: Int) {
        for index in 0..<count {
            let nanos = UInt64(1_000 + index * 1_500)
            let text = index % 7 == 0 ? "héllo \(index)" : "message \(index) token=abc123"
            let frame = FrameRecord(opcode: 0x1, payload: Array(text.utf8), masked: true)
            writer.record(.stepStart, connection: "c", step: "1.\(index % 2)", at: nanos, [("kind", .string("send"))])
            writer.recordFrame(.frameOut, connection: "c", step: "1.0", at: nanos, frame: frame, preferText: true)
            let binary = FrameRecord(opcode: 0x2, payload: TranscriptEncodingTests.randomBytes(index % 90, seed: 5))
            writer.recordFrame(.frameIn, connection: "c", step: "1.1", at: nanos + 1, frame: binary, preferText: false)
            writer.recordMessage(
                connection: "c", step: "1.1", at: nanos + 2, isText: true, shown: Array(text.utf8),
                length: text.utf8.count)
            writer.recordStepPassed(step: "1.1", duration: Double(index) / 1e6, at: nanos + 3)
        }
    }

    private static func files(_ location: TranscriptLocation) throws -> (json: String, text: String) {
        (
            try String(contentsOf: location.jsonl, encoding: .utf8),
            try String(contentsOf: location.text, encoding: .utf8)
        )
    }

    @Test func filesAndReportTextEqualTheReference() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("direct-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = TranscriptLocation(directory: directory, file: "d.yaml", name: "direct")
        let writer = try TranscriptWriter(
            location: location, redactor: Redactor(), startNanos: 1_000, clock: { 1_000 }, keepEvents: true)
        TranscriptWriterDirectTests.recordMixed(writer, count: 300)
        writer.finish()
        let recorded = writer.recordedEvents
        #expect(recorded.count == 1_500)
        let (json, text) = try TranscriptWriterDirectTests.files(location)
        #expect(json == recorded.map { $0.json.serialized() + "\n" }.joined())
        #expect(text == recorded.map { TranscriptTextRenderer.line($0) + "\n" }.joined())
        #expect(writer.text + "\n" == text)
        #expect(text.contains(#"→ frame_out  opcode="text"  fin=true  rsv=[false,false,false]  masked=true"#))
    }

    @Test func secretsKnownFromTheStartAreMasked() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("direct-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = TranscriptLocation(directory: directory, file: "d.yaml", name: "secret")
        let writer = try TranscriptWriter(
            location: location, redactor: Redactor(secrets: ["abc123"]), startNanos: 1_000, clock: { 1_000 })
        TranscriptWriterDirectTests.recordMixed(writer, count: 20)
        writer.finish()
        let (json, text) = try TranscriptWriterDirectTests.files(location)
        #expect(!json.contains("abc123") && !text.contains("abc123") && !writer.text.contains("abc123"))
        #expect(json.contains("token=***"))
    }

    @Test func secretsLearnedLateAreMaskedInFilesAndReportText() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("direct-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = TranscriptLocation(directory: directory, file: "d.yaml", name: "late")
        let writer = try TranscriptWriter(
            location: location, redactor: Redactor(), startNanos: 1_000, clock: { 1_000 })
        TranscriptWriterDirectTests.recordMixed(writer, count: 3_000)
        #expect(writer.text.contains("abc123"))
        writer.addSecrets(["abc123"])
        writer.finish()
        let (json, text) = try TranscriptWriterDirectTests.files(location)
        let report = writer.text
        #expect(!json.contains("abc123") && !text.contains("abc123") && !report.contains("abc123"))
        #expect(report.contains("token=***") && report.contains("lines omitted"))
        #expect(report.hasSuffix(#"step_end  status="passed"  duration=0.002999"#))
    }

    @Test func longPayloadsAreKeptCutForTheReport() throws {
        let writer = try TranscriptWriter(location: nil, redactor: Redactor(), startNanos: 0, clock: { 0 })
        let big = Array(String(repeating: "z", count: 70_000).utf8)
        let frame = FrameRecord(
            opcode: 0x1, payloadPrefix: Array(big.prefix(FrameRecord.keptPayloadBytes)), payloadLength: big.count)
        writer.recordFrame(.frameIn, connection: "c", step: "0", at: 0, frame: frame, preferText: true)
        writer.recordMessage(
            connection: "c", step: "0", at: 0, isText: true, shown: Array(big.prefix(FrameRecord.keptPayloadBytes)),
            length: big.count)
        let lines = writer.text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines.allSatisfy { $0.contains("length=70000") && $0.contains("truncated=true") && $0.contains("zzz…") })
    }
}
