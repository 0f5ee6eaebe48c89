import Testing

@testable import ScenarioRunner

/// Text mismatches show where the texts differ: long texts from a little before the first difference, each
/// excerpt a whole quoted string with `…` outside the quotes where text was left out.
@Suite struct TextDiffTests {
    @Test func shortTextsAreShownWhole() {
        #expect(
            TextDiff.describe(expected: "hello there", actual: "hello world")
                == #"expected "hello there", got "hello world" (first difference at character 7)"#)
    }

    @Test func aLateDifferenceInALongTextIsShownInContext() {
        let common = String(repeating: "a", count: 1000)
        let message = TextDiff.describe(expected: common + "XYZ" + common, actual: common + "xyz" + common)
        let before = String(repeating: "a", count: TextDiff.contextBefore)
        let after = String(repeating: "a", count: TextDiff.shownCharacters - TextDiff.contextBefore - 3)
        #expect(
            message
                == "expected …\"\(before)XYZ\(after)\"…, got …\"\(before)xyz\(after)\"… (first difference at character 1001)"
        )
    }

    @Test func extraAndMissingTextAreNamed() {
        let long = String(repeating: "b", count: 500)
        let extra = TextDiff.describe(expected: long, actual: long + "!")
        #expect(extra.contains("!\""), "\(extra)")
        #expect(extra.hasSuffix("(extra text from character 501)"))
        #expect(
            TextDiff.describe(expected: "abc", actual: "ab") == #"expected "abc", got "ab" (text ends at character 3)"#)
    }
}
