/// The lines of a source text, for diagnostic snippets.
struct SourceLines: Sendable {
    private let lines: [Substring]

    init(_ source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    var count: Int { lines.count }

    /// Line `number` (1-based) without its line break, or nil when out of range.
    func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        var text = String(lines[number - 1])
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
