import Foundation

/// Text comparisons of matchers and JSON strings and keys: exact, by Unicode scalars (`"\u00e9"` is not
/// `"e\u0301"`), not by the canonical equivalence of `String`'s `==` and `contains`.
public enum ExactText {
    /// Whether `actual` is exactly `expected`.
    public static func equal(_ actual: String, _ expected: String) -> Bool {
        var actual = actual
        var expected = expected
        guard actual.utf8.count == expected.utf8.count else { return false }
        // Native strings compare with one `memcmp` (the generic `elementsEqual` walks byte by byte).
        return actual.withUTF8 { left in
            expected.withUTF8 { right in
                left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }
    }

    /// Whether `text` contains `part` exactly (every text contains the empty text).
    public static func contains(_ text: String, _ part: String) -> Bool {
        part.isEmpty || text.range(of: part, options: .literal) != nil
    }
}
