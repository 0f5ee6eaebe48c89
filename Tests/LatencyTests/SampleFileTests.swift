import BenchmarkLatency
import Foundation
import Testing

/// Parsing the peers' samples files: one latency in nanoseconds per line.
struct SampleFileTests {
    private func record(_ text: String) throws -> LatencyRecorder {
        var recorder = LatencyRecorder()
        try SampleFile.record(InputLines(data: Data(text.utf8), source: "samples"), into: &recorder)
        return recorder
    }

    @Test func readsOneSamplePerLineSkippingBlankLines() throws {
        let recorder = try record("1000\n2000\r\n\n  3000 \n4000")
        let summary = try recorder.summary(source: "samples")
        #expect(summary.count == 4)
        #expect(summary.max == 4)
        #expect(summary.p50 == 2)
    }

    @Test func aLineThatIsNotAnIntegerIsAnErrorNamingIt() {
        #expect(
            throws: LatencyError.malformed(
                source: "samples", line: 3,
                reason: "expected a latency in nanoseconds (a non-negative integer), found \"-5\"")
        ) {
            _ = try record("10\n20\n-5\n")
        }
    }

    @Test func anEmptyFileRecordsNothing() throws {
        let recorder = try record("\n\n")
        #expect(recorder.count == 0)
        #expect(throws: LatencyError.empty(source: "samples")) { try recorder.summary(source: "samples") }
    }
}
