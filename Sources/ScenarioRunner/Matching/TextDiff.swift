import Foundation

/// Describes how two strings differ: where they first diverge, with a little context.
enum TextDiff {
    static func describe(expected: String, actual: String) -> String {
        if expected == actual {
            // Equal as Swift strings, different as text: the same characters written with other code points.
            func codePoints(_ text: String) -> String {
                text.unicodeScalars.map { "U+" + String(format: "%04X", $0.value) }.joined(separator: " ")
            }
            return
                "expected \(OutputJSON.string(expected).serialized()), got \(OutputJSON.string(actual).serialized()): "
                + "they look alike but are different code points (\(codePoints(expected)) vs \(codePoints(actual)))"
        }
        let e = Array(expected)
        let a = Array(actual)
        var index = 0
        while index < e.count && index < a.count && e[index] == a[index] { index += 1 }
        // Long texts are shown from a little before the first difference, so that it is in sight.
        let start = index > contextBefore + 40 ? index - contextBefore : 0
        let shown = "expected \(excerpt(e, from: start)), got \(excerpt(a, from: start))"
        if index == e.count && index < a.count { return shown + " (extra text from character \(index + 1))" }
        if index == a.count && index < e.count { return shown + " (text ends at character \(index + 1))" }
        return shown + " (first difference at character \(index + 1))"
    }

    /// How many characters before the first difference a cut text shows.
    static let contextBefore = 60
    /// How many characters a text shows at most.
    static let shownCharacters = 300

    /// `characters` from `start` as a quoted JSON string, at most `shownCharacters` of them, with `…` outside the
    /// quotes where text was left out before or after.
    static func excerpt(_ characters: [Character], from start: Int) -> String {
        let from = min(start, characters.count)
        let end = min(characters.count, from + shownCharacters)
        let text = OutputJSON.string(String(characters[from..<end])).serialized()
        return (from > 0 ? "…" : "") + text + (end < characters.count ? "…" : "")
    }

    /// A similarity score in 0...1 (shared prefix and suffix length over the longer length).
    static func similarity(_ lhs: String, _ rhs: String) -> Double {
        let l = Array(lhs)
        let r = Array(rhs)
        let longest = max(l.count, r.count)
        guard longest > 0 else { return 1 }
        var prefix = 0
        while prefix < l.count && prefix < r.count && l[prefix] == r[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < l.count - prefix && suffix < r.count - prefix
            && l[l.count - 1 - suffix] == r[r.count - 1 - suffix]
        {
            suffix += 1
        }
        return Double(prefix + suffix) / Double(longest)
    }
}
