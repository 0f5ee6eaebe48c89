/// Parses a samples file: one round-trip latency per line, in nanoseconds (a non-negative integer).
/// Blank lines are skipped; anything else that is not an integer is an error naming the line.
public enum SampleFile {
    /// Records every sample of `lines` into `recorder`.
    public static func record(_ lines: InputLines, into recorder: inout LatencyRecorder) throws {
        try lines.forEachLine { bytes, number in
            let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
            if text.isEmpty { return }
            guard let nanoseconds = UInt64(text) else {
                throw LatencyError.malformed(
                    source: lines.source, line: number,
                    reason: "expected a latency in nanoseconds (a non-negative integer), found \"\(text.prefix(40))\"")
            }
            try recorder.record(nanoseconds: nanoseconds)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and carriage returns.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
