import Foundation
import Testing

@testable import ScenarioRunner

/// Recording queues events; they are encoded and written in batches in the background, by the flush timer, on
/// `flush()` and on `finish()` — always in the order they were recorded.
@Suite("Transcript writer queue")
struct TranscriptQueueTests {
    private static func writer(_ name: String) throws -> (TranscriptWriter, TranscriptLocation, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("queue-\(UUID().uuidString)")
        let location = TranscriptLocation(directory: directory, file: "q.yaml", name: name)
        let writer = try TranscriptWriter(
            location: location, redactor: Redactor(), startNanos: 0, clock: { 1_000_000 }, keepEvents: true)
        return (writer, location, directory)
    }

    private static func lineCount(_ url: URL) -> Int {
        ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    @Test func queuedEventsReachTheFilesWithinTheFlushInterval() throws {
        let (writer, location, directory) = try TranscriptQueueTests.writer("timer")
        defer { try? FileManager.default.removeItem(at: directory) }
        for index in 0..<3 { writer.recordStepPassed(step: String(index), duration: 0.001) }
        #expect(writer.recordedEvents.count == 3)
        var waited = 0
        while TranscriptQueueTests.lineCount(location.jsonl) < 3 && waited < 3_000 {
            Thread.sleep(forTimeInterval: 0.01)
            waited += 10
        }
        #expect(TranscriptQueueTests.lineCount(location.jsonl) == 3)
        #expect(TranscriptQueueTests.lineCount(location.text) == 3)
        writer.finish()
    }

    @Test func linesShownAtOnceAlsoReachTheFilesWithinTheFlushInterval() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("queue-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = TranscriptLocation(directory: directory, file: "q.yaml", name: "observed")
        let shown = ShownLines()
        let writer = try TranscriptWriter(
            location: location, redactor: Redactor(), startNanos: 0, clock: { 1_000_000 },
            observer: { shown.append($0) })
        for index in 0..<3 { writer.recordStepPassed(step: String(index), duration: 0.001) }
        #expect(shown.count == 3)
        var waited = 0
        while TranscriptQueueTests.lineCount(location.jsonl) < 3 && waited < 3_000 {
            Thread.sleep(forTimeInterval: 0.01)
            waited += 10
        }
        #expect(TranscriptQueueTests.lineCount(location.jsonl) == 3)
        writer.finish()
    }

    @Test func flushWritesEverythingRecordedSoFar() throws {
        let (writer, location, directory) = try TranscriptQueueTests.writer("flush")
        defer { try? FileManager.default.removeItem(at: directory) }
        let count = TranscriptWriter.drainBatch * 3 + 7
        for index in 0..<count {
            writer.record(.stepStart, connection: "c", step: "1.\(index)", [("kind", .string("send"))])
        }
        writer.flush()
        #expect(TranscriptQueueTests.lineCount(location.jsonl) == count)
        #expect(TranscriptQueueTests.lineCount(location.text) == count)
        writer.finish()
    }

    @Test func concurrentRecordersKeepTheirOrder() throws {
        let (writer, location, directory) = try TranscriptQueueTests.writer("concurrent")
        defer { try? FileManager.default.removeItem(at: directory) }
        let perThread = 5_000
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for index in 0..<perThread {
                let payload = Array("thread \(thread) message \(index)".utf8)
                let frame = FrameRecord(opcode: 0x1, payload: payload)
                writer.recordFrame(
                    .frameIn, connection: "t\(thread)", step: "0", at: 1_000_000, frame: frame, preferText: true)
            }
        }
        writer.finish()
        let recorded = writer.recordedEvents
        #expect(recorded.count == 4 * perThread)
        let json = try String(contentsOf: location.jsonl, encoding: .utf8)
        #expect(json == recorded.map { $0.json.serialized() + "\n" }.joined())
        var next = [Int](repeating: 0, count: 4)
        for event in recorded {
            guard case .string(let text) = event["text"] else { continue }
            let words = text.split(separator: " ")
            let thread = Int(words[1])!
            #expect(Int(words[3]) == next[thread])
            next[thread] += 1
        }
        #expect(next == [perThread, perThread, perThread, perThread])
    }

    @Test func queuedPayloadBytesAreBounded() throws {
        let (writer, location, directory) = try TranscriptQueueTests.writer("bytes")
        defer { try? FileManager.default.removeItem(at: directory) }
        let payload = TranscriptEncodingTests.randomBytes(FrameRecord.keptPayloadBytes, seed: 9)
        let frame = FrameRecord(opcode: 0x2, payloadPrefix: payload, payloadLength: 1 << 20)
        let count = 3 * TranscriptWriter.queueByteLimit / payload.count
        var most = 0
        for _ in 0..<count {
            writer.recordFrame(.frameIn, connection: "c", step: "0", at: 1_000_000, frame: frame, preferText: false)
            most = max(most, writer.queuedByteCount)
        }
        // Recording outpaces encoding and writing an 87 KB line per event: with the bound removed the queue grew
        // past it here (18–22 MiB with 32 MiB recorded); with it, the recording thread encodes at the limit.
        #expect(most < TranscriptWriter.queueByteLimit)
        writer.finish()
        #expect(TranscriptQueueTests.lineCount(location.jsonl) == count)
    }

    @Test func reportTextKeepsTheFirstAndLastEventsAcrossBatches() throws {
        // Encoded events are kept for the report by the drain (off the recording thread): the report text must
        // still hold the first and the last 2,500 lines in record order, before and after `finish()`.
        let (writer, location, directory) = try TranscriptQueueTests.writer("kept")
        defer { try? FileManager.default.removeItem(at: directory) }
        let count = 2 * 2_500 + 3 * TranscriptWriter.drainBatch + 11
        for index in 0..<count {
            writer.recordFrame(
                .frameOut, connection: "c", step: "1.\(index)", at: 1_000_000,
                frame: FrameRecord(opcode: 0x1, payload: Array("m\(index)".utf8)), preferText: true)
        }
        let before = writer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        writer.finish()
        let after = writer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let text = try String(contentsOf: location.text, encoding: .utf8)
        let file = text.split(separator: "\n").map(String.init)
        #expect(file.count == count)
        let gap = "… \(count - 5_000) lines omitted (see the .txt transcript) …"
        let expected = Array(file.prefix(2_500)) + [gap] + Array(file.suffix(2_500))
        #expect(before == expected)
        #expect(after == expected)
    }

    @Test func theGapInTheReportTextCountsInEnglishAndKnowsWhetherThereAreFiles() throws {
        let writer = try TranscriptWriter(location: nil, redactor: Redactor(), startNanos: 0, clock: { 0 })
        for index in 0..<5_001 { writer.recordStepPassed(step: String(index), duration: 0) }
        writer.finish()
        #expect(writer.text.contains("\n… 1 line omitted (no transcript files were written) …\n"))
    }

    @Test func eventsAfterFinishAreDropped() throws {
        let (writer, location, directory) = try TranscriptQueueTests.writer("finished")
        defer { try? FileManager.default.removeItem(at: directory) }
        writer.recordStepPassed(step: "0", duration: 0.5)
        writer.finish()
        writer.recordStepPassed(step: "1", duration: 0.5)
        writer.flush()
        #expect(TranscriptQueueTests.lineCount(location.jsonl) == 1)
        #expect(writer.finish() == nil)
    }
}

/// Lines handed to a transcript observer.
private final class ShownLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }

    var count: Int { lock.withLock { lines.count } }
}
