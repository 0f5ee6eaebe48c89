import Testing

@testable import ScenarioLanguage

/// A diagnostic on a very long line shows a window around its column, the caret still under the right character.
@Suite struct DiagnosticRenderingTests {
    @Test func aLongLineIsShownAroundTheColumn() {
        let line = String(repeating: "a", count: 5000) + "X" + String(repeating: "b", count: 3000)
        let diagnostic = Diagnostic(
            .error, "bad", at: SourceLocation(file: "f.yaml", line: 1, column: 5001), sourceLine: line)
        let lines = diagnostic.rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].count < 120 && lines[1].hasPrefix("    …") && lines[1].hasSuffix("…"), "\(lines[1])")
        let caret = lines[2].count - 1
        #expect(Array(lines[1])[caret] == "X", "the caret points at the column")
        let short = Diagnostic(
            .error, "bad", at: SourceLocation(file: "f.yaml", line: 1, column: 3), sourceLine: "ab!cd")
        #expect(short.rendered == "f.yaml:1:3: error: bad\n    ab!cd\n      ^")
    }
}
