extension Duration {
    /// The duration in nanoseconds (0 when negative).
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }

    /// The duration in seconds.
    var seconds: Double { Double(nanoseconds) / 1e9 }

    /// `2s`, `250ms`, `1.5s`.
    var shortDescription: String {
        let millis = Double(nanoseconds) / 1e6
        if millis < 1000 { return "\(Int(millis.rounded()))ms" }
        let seconds = millis / 1000
        return seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }
}
