import Testing

@testable import ScenarioRunner

/// How two texts differ, also when the difference lies far past the part the message shows.
@Suite("Text diff")
struct TextDiffTests {
    @Test func aNearDifferenceNeedsNoWindow() {
        let described = TextDiff.describe(expected: "hello there", actual: "hello world")
        #expect(described == #"expected "hello there", got "hello world" (first difference at character 7)"#)
    }

    @Test func aFarDifferenceIsShownInAWindow() {
        let common = String(repeating: "a", count: 1_000_000)
        let described = TextDiff.describe(expected: common + "X" + "tail", actual: common + "Y" + "tail")
        let lines = described.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix("(first difference at character 1000001)"))
        let before = String(repeating: "a", count: TextDiff.windowBefore)
        #expect(lines[1] == #"near the difference: expected …"\#(before)Xtail", got …"\#(before)Ytail""#)
        #expect(described.count < 1_000)
    }

    @Test func aTextThatEndsEarlyShowsWhereItEnds() {
        let common = String(repeating: "b", count: 500)
        let described = TextDiff.describe(expected: common + String(repeating: "c", count: 100), actual: common)
        #expect(described.contains("(text ends at character 501)"))
        let after = String(repeating: "c", count: TextDiff.windowAfter)
        let before = String(repeating: "b", count: TextDiff.windowBefore)
        #expect(described.hasSuffix(#"near the difference: expected …"\#(before)\#(after)"…, got …"\#(before)""#))
    }
}
