/// The figures `wscenario-latency` prints: sample count, p50 / p99 / p99.9, max and mean, in microseconds.
public struct LatencySummary: Equatable, Sendable {
    /// How many round trips were recorded.
    public var count: UInt64
    /// The 50th percentile, µs (HdrHistogram: the highest value equivalent to the percentile's bucket).
    public var p50: Double
    /// The 99th percentile, µs.
    public var p99: Double
    /// The 99.9th percentile, µs.
    public var p999: Double
    /// The largest recorded sample, µs (exact).
    public var max: Double
    /// The mean of the recorded samples, µs (within the histogram's precision).
    public var mean: Double

    public init(count: UInt64, p50: Double, p99: Double, p999: Double, max: Double, mean: Double) {
        self.count = count
        self.p50 = p50
        self.p99 = p99
        self.p999 = p999
        self.max = max
        self.mean = mean
    }

    /// One JSON object, keys in a fixed order, µs values with one decimal:
    /// `{"count": n, "p50": µs, "p99": µs, "p999": µs, "max": µs, "mean": µs}`.
    public var json: String {
        let figures = [("p50", p50), ("p99", p99), ("p999", p999), ("max", max), ("mean", mean)]
        let rendered = figures.map { name, value in "\"\(name)\": \(Self.oneDecimal(value))" }
        return "{\"count\": \(count), " + rendered.joined(separator: ", ") + "}"
    }

    /// `value` rounded to one decimal, without locale or exponent notation (e.g. `12.3`, `0.0`).
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
