import Testing

@testable import ScenarioLanguage

/// Exact text comparison: by UTF-8 bytes (Unicode scalars), not by `String`'s canonical equivalence.
@Suite("Exact text")
struct ExactTextTests {
    @Test func equalTextsAreEqual() {
        #expect(ExactText.equal("", ""))
        #expect(ExactText.equal("hello", "hello"))
        let long = String(repeating: "ab€😀", count: 5_000)
        #expect(ExactText.equal(long, String(long)))
        // A substring's copy and a bridged-looking slice compare by bytes too.
        #expect(
            ExactText.equal(String(long.dropFirst(4)), String(String(repeating: "ab€😀", count: 5_000).dropFirst(4))))
    }

    @Test func differentTextsAreNot() {
        #expect(!ExactText.equal("hello", "hellO"))
        #expect(!ExactText.equal("hello", "hello "))
        #expect(!ExactText.equal("", "a"))
        // Same length in bytes, last byte differs.
        #expect(
            !ExactText.equal(String(repeating: "x", count: 4_096) + "a", String(repeating: "x", count: 4_096) + "b"))
        // Canonically equivalent but not the same scalars: "é" precomposed versus e + combining acute.
        #expect("\u{E9}" == "e\u{301}")
        #expect(!ExactText.equal("\u{E9}", "e\u{301}"))
    }
}

/// The byte scan for `${` that decides whether a string may hold placeholders.
@Suite("Placeholder opening")
struct PlaceholderOpeningTests {
    @Test(arguments: [
        ("", false), ("$", false), ("{", false), ("${", true), ("$ {", false), ("{$", false), ("a$b{", false),
        ("$${", true), ("abc${x}", true), ("x$", false), ("€${y}", true), ("$€{", false),
    ])
    func findsTheOpening(text: String, expected: Bool) {
        #expect(text.hasPlaceholderOpening == expected)
    }

    @Test func findsItAtTheEndOfALongText() {
        let long = String(repeating: "A$B/", count: 400_000)
        #expect(!long.hasPlaceholderOpening)
        #expect((long + "${").hasPlaceholderOpening)
        #expect(!(long + "$").hasPlaceholderOpening)
    }
}
