import Testing

@testable import ScenarioLanguage

/// The one JSON writer behind plan values (`compactJSON`, `prettyJSON`) and the runner's transcripts.
@Suite struct JSONTextWriterTests {
    static let awkward = "q\"b\\n\nr\rt\t\u{08}\u{0C}\u{01}\u{1F}\u{2028}\u{2029}é😀"

    @Test func standardEscapingUsesShortFormsAndKeepsLineSeparators() {
        var text = ""
        JSONTextWriter.writeString(Self.awkward, escaping: .standard, to: &text)
        #expect(text == "\"q\\\"b\\\\n\\nr\\rt\\t\\b\\f\\u0001\\u001f\u{2028}\u{2029}é😀\"")
    }

    @Test func lineSeparatorSafeEscapingEscapesSeparatorsAndControlsAsUnicode() {
        var text = ""
        JSONTextWriter.writeString(Self.awkward, escaping: .lineSeparatorSafe, to: &text)
        #expect(text == "\"q\\\"b\\\\n\\nr\\rt\\t\\u0008\\u000c\\u0001\\u001f\\u2028\\u2029é😀\"")
    }

    @Test func plainStringsAreCopiedAsTheyAre() {
        var text = ""
        JSONTextWriter.writeString("plain é ✓", escaping: .lineSeparatorSafe, to: &text)
        #expect(text == "\"plain é ✓\"")
    }

    @Test func numbersAreJSONNumbers() {
        #expect(JSONTextWriter.format(2) == "2")
        #expect(JSONTextWriter.format(-0.5) == "-0.5")
        #expect(JSONTextWriter.format(1e15) == "1000000000000000.0")
        #expect(JSONTextWriter.format(1e16) == "1e+16")
        #expect(JSONTextWriter.format(.infinity) == "null")
        #expect(JSONTextWriter.format(.nan) == "null")
    }

    @Test func compactAndPrettyLayoutsOfPlanValues() throws {
        let value = try JSONValue(parsing: #"{"b":[1,{"c":"\u2028"}],"a":{},"e":[]}"#)
        #expect(value.compactJSON == "{\"b\":[1,{\"c\":\"\u{2028}\"}],\"a\":{},\"e\":[]}")
        #expect(
            value.prettyJSON == """
                {
                  "b": [
                    1,
                    {
                      "c": "\u{2028}"
                    }
                  ],
                  "a": {},
                  "e": []
                }

                """)
    }
}
