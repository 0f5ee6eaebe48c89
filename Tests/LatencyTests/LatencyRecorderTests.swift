import BenchmarkLatency
import Testing

/// The histogram's figures for known samples, within HdrHistogram's 3-significant-digit precision.
struct LatencyRecorderTests {
    /// True when `value` is within 0.1 % (3 significant digits) of `expected`.
    private func close(_ value: Double, _ expected: Double) -> Bool {
        abs(value - expected) <= expected * 0.001
    }

    @Test func uniformSamplesGiveNearestRankPercentiles() throws {
        var recorder = LatencyRecorder()
        for microseconds in 1...1000 { try recorder.record(nanoseconds: UInt64(microseconds) * 1000) }
        let summary = try recorder.summary(source: "uniform")
        #expect(summary.count == 1000)
        #expect(close(summary.p50, 500), "p50 \(summary.p50)")
        #expect(close(summary.p99, 990), "p99 \(summary.p99)")
        #expect(close(summary.p999, 999), "p99.9 \(summary.p999)")
        #expect(summary.max == 1000)
        #expect(close(summary.mean, 500.5), "mean \(summary.mean)")
    }

    @Test func aFewSlowOutliersShowOnlyInTheTail() throws {
        var recorder = LatencyRecorder()
        for _ in 0..<9_980 { try recorder.record(nanoseconds: 20_000) }
        for _ in 0..<20 { try recorder.record(nanoseconds: 5_000_000) }
        let summary = try recorder.summary(source: "outliers")
        #expect(close(summary.p50, 20))
        #expect(close(summary.p99, 20))
        #expect(close(summary.p999, 5000), "p99.9 \(summary.p999)")
        #expect(summary.max == 5000)
        #expect(close(summary.mean, (9_980 * 20 + 20 * 5000) / 10_000), "mean \(summary.mean)")
    }

    @Test func jsonHasTheFixedKeysInMicrosecondsWithOneDecimal() throws {
        var recorder = LatencyRecorder()
        try recorder.record(nanoseconds: 12_345)
        let json = try recorder.summary(source: "one").json
        #expect(json == #"{"count": 1, "p50": 12.3, "p99": 12.3, "p999": 12.3, "max": 12.3, "mean": 12.3}"#)
    }

    @Test func emptyRecorderIsAnError() {
        let recorder = LatencyRecorder()
        #expect(throws: LatencyError.empty(source: "nothing")) { try recorder.summary(source: "nothing") }
    }

    @Test func latenciesBeyondSixtySecondsAreRejected() throws {
        var recorder = LatencyRecorder()
        #expect(throws: LatencyError.outOfRange(nanoseconds: 61_000_000_000)) {
            try recorder.record(nanoseconds: 61_000_000_000)
        }
        try recorder.record(nanoseconds: LatencyRecorder.highestNanoseconds)
        #expect(recorder.count == 1)
    }
}
