import Histogram

/// Records round-trip latencies (nanoseconds) in an HdrHistogram and summarises them.
///
/// The histogram tracks 1 ns to 60 s with 3 significant decimal digits: every reported percentile is within
/// 0.1 % of the true sample value at that rank.
public struct LatencyRecorder: Sendable {
    /// The smallest distinguishable latency, ns.
    public static let lowestNanoseconds: UInt64 = 1
    /// The largest latency the histogram can hold (60 s), ns.
    public static let highestNanoseconds: UInt64 = 60_000_000_000

    private var histogram = Histogram<UInt64>(
        lowestDiscernibleValue: lowestNanoseconds,
        highestTrackableValue: highestNanoseconds,
        numberOfSignificantValueDigits: .three
    )

    public init() {}

    /// How many samples were recorded so far.
    public var count: UInt64 { histogram.totalCount }

    /// Records one round trip of `nanoseconds`; throws when it lies beyond 60 s.
    public mutating func record(nanoseconds: UInt64) throws {
        guard nanoseconds <= Self.highestNanoseconds, histogram.record(nanoseconds) else {
            throw LatencyError.outOfRange(nanoseconds: nanoseconds)
        }
    }

    /// The percentiles, max and mean in µs; throws `LatencyError.empty(source:)` when nothing was recorded.
    public func summary(source: String) throws -> LatencySummary {
        guard histogram.totalCount > 0 else { throw LatencyError.empty(source: source) }
        func microseconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1000 }
        return LatencySummary(
            count: histogram.totalCount,
            p50: microseconds(histogram.valueAtPercentile(50)),
            p99: microseconds(histogram.valueAtPercentile(99)),
            p999: microseconds(histogram.valueAtPercentile(99.9)),
            max: microseconds(histogram.maxRecorded),
            mean: histogram.mean / 1000
        )
    }
}
