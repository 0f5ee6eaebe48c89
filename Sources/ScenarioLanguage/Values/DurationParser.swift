/// Parses durations: `250ms`, `2s`, `1.5s`, `1m`, `1h`; a bare number is seconds.
public enum DurationParser {
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingWhitespace()
        var number = Substring(trimmed)
        var multiplier = 1.0
        for (suffix, factor) in [("ms", 0.001), ("s", 1.0), ("m", 60.0), ("h", 3600.0)] where trimmed.hasSuffix(suffix)
        {
            number = trimmed.dropLast(suffix.count)
            multiplier = factor
            break
        }
        number = Substring(String(number).trimmingWhitespace())
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            number.filter({ $0 == "." }).count <= 1, number.first != ".", number.last != ".",
            let value = Double(number)
        else { return nil }
        let milliseconds = (value * multiplier * 1000).rounded()
        guard milliseconds.isFinite, milliseconds < 1e12 else { return nil }
        return .milliseconds(Int64(milliseconds))
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
