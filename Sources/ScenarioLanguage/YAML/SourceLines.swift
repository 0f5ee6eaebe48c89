/// The lines of a source text, for diagnostic snippets. Lines end at `\n`, `\r\n` or a lone `\r` (as in YAML).
struct SourceLines: Sendable {
    private let lines: [String]

    init(_ source: String) {
        let scalars = Array(source.unicodeScalars)
        lines = Self.lineRanges(of: scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    var count: Int { lines.count }

    /// Line `number` (1-based) without its line break, or nil when out of range.
    func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// The index ranges of every line's content (line breaks excluded) in `scalars`.
    static func lineRanges(of scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\n":
                ranges.append(start..<index)
                index += 1
                start = index
            case "\r":
                ranges.append(start..<index)
                index += index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
                start = index
            default:
                index += 1
            }
        }
        ranges.append(start..<scalars.count)
        return ranges
    }

    /// `source` without a leading UTF-8 byte order mark (editors do not count it as a column).
    static func removingByteOrderMark(_ source: String) -> String {
        guard source.unicodeScalars.first == "\u{FEFF}" else { return source }
        return String(source.unicodeScalars.dropFirst())
    }
}
