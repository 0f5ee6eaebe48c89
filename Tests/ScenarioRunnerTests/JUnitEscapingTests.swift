import Foundation
import Testing

@testable import ScenarioRunner

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// JUnit XML keeps names and messages exactly: tabs and line breaks in attributes are character references (an
/// XML parser turns literal ones into spaces), carriage returns everywhere (a literal one would be read as `\n`).
@Suite struct JUnitEscapingTests {
    @Test func attributesAndTextReadBackExactly() throws {
        let name = "cr\rlf\r\nend\ttab <&> \"q\" 'a'"
        let summary = RunSummary(
            results: [
                ScenarioResult(
                    file: "odd\tfile.yaml", name: name, status: .failed, duration: 0.1,
                    failure: ScenarioFailure(
                        step: "1", stepLabel: "send", file: "odd\tfile.yaml", line: 3, message: "a\tb\r\nc"),
                    transcriptText: "line one\r\nline\ttwo")
            ], duration: 0.1)
        let document = try XMLDocument(data: Data(JUnitReport.render(summary).utf8))
        #expect(try document.nodes(forXPath: "//testcase/@name").first?.stringValue == name)
        #expect(try document.nodes(forXPath: "//testcase/@classname").first?.stringValue == "odd\tfile.yaml")
        #expect(try document.nodes(forXPath: "//testsuite/@name").first?.stringValue == "odd\tfile.yaml")
        #expect(
            try document.nodes(forXPath: "//failure/@message").first?.stringValue
                == "step 1 (send) at odd\tfile.yaml:3: a\tb")
        #expect(
            try document.nodes(forXPath: "//failure").first?.stringValue
                == "step 1 (send) at odd\tfile.yaml:3: a\tb\r\nc")
        #expect(try document.nodes(forXPath: "//system-out").first?.stringValue == "line one\r\nline\ttwo")
    }
}
