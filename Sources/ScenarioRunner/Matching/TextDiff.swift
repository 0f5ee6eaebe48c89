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
        let expectedText = OutputJSON.string(expected).serialized()
        let actualText = OutputJSON.string(actual).serialized()
        if index == e.count && index < a.count {
            return "expected \(clip(expectedText)), got \(clip(actualText)) (extra text from character \(index + 1))"
        }
        if index == a.count && index < e.count {
            return "expected \(clip(expectedText)), got \(clip(actualText)) (text ends at character \(index + 1))"
        }
        return "expected \(clip(expectedText)), got \(clip(actualText)) (first difference at character \(index + 1))"
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

    static func clip(_ text: String) -> String {
        text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}
