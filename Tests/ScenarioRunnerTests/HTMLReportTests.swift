import Foundation
import Testing

@testable import ScenarioRunner

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `--report html=FILE`: a self-contained page that is also well-formed XML, so an XML parser can check it.
@Suite struct HTMLReportTests {
    static let summary = RunSummary(
        results: [
            ScenarioResult(
                file: "a.yaml", name: "echo <b>&</b>", status: .passed, duration: 0.0123,
                transcriptPath: "t/a/echo-b-b.jsonl", transcriptText: "   0.000  scenario_start  name=\"x\""),
            ScenarioResult(
                file: "a.yaml", name: "greeting", status: .failed, duration: 0.31,
                failure: ScenarioFailure(
                    step: "2", stepLabel: "expect_message", file: "a.yaml", line: 6,
                    message: "no message matched\n  closest: \"<script>alert(1)</script>\"\u{1}"),
                transcriptPath: "t/a/greeting.jsonl", transcriptText: "frame_in  text=\"]]>\"",
                warnings: ["1 unconsumed message(s)"]),
            ScenarioResult(file: "b.yaml", name: "later", status: .skipped, duration: 0),
            ScenarioResult(file: "b.yaml", name: "long", status: .interrupted, duration: 2),
        ], duration: 2.5, interrupted: true)

    @Test func parsesAsXMLWithEveryScenarioAndTheFailuresIndexed() throws {
        let html = HTMLReport.render(HTMLReportTests.summary)
        let document = try XMLDocument(data: Data(html.utf8))
        let blocks = try document.nodes(forXPath: "//details[contains(@class, 'scenario')]")
        #expect(blocks.count == 4)
        let ids = blocks.compactMap { ($0 as? XMLElement)?.attribute(forName: "id")?.stringValue }
        #expect(ids == ["scenario-1", "scenario-2", "scenario-3", "scenario-4"])
        let open = blocks.filter { ($0 as? XMLElement)?.attribute(forName: "open") != nil }
        #expect(open.count == 2, "failed and interrupted scenarios start open")
        let index = try document.nodes(forXPath: "//nav//a/@href").map { $0.stringValue ?? "" }
        #expect(index == ["#scenario-2", "#scenario-4"])
        let sections = try document.nodes(forXPath: "//section/h2").map { $0.stringValue ?? "" }
        #expect(sections == ["a.yaml 2 scenarios, 1 failed", "b.yaml 2 scenarios, 1 failed"])
        let title = try document.nodes(forXPath: "//title").first?.stringValue
        #expect(title == "wscenario: 1 passed, 2 failed, 1 skipped, interrupted")
    }

    @Test func namesMessagesAndTranscriptsAreEscaped() throws {
        let html = HTMLReport.render(HTMLReportTests.summary)
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(html.contains("echo &lt;b&gt;&amp;&lt;/b&gt;"))
        #expect(html.contains("closest: &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;?"))
        let document = try XMLDocument(data: Data(html.utf8))
        let message = try document.nodes(forXPath: "//details[@id='scenario-2']//pre[@class='message']").first
        #expect(message?.stringValue == "no message matched\n  closest: \"<script>alert(1)</script>\"?")
        let step = try document.nodes(forXPath: "//details[@id='scenario-2']//p[@class='step']").first
        #expect(step?.stringValue == "Step 2 (expect_message) at a.yaml:6")
    }

    @Test func transcriptLinksAreRelativeToTheReportFolder() {
        let cwd = FileManager.default.currentDirectoryPath
        let report = URL(fileURLWithPath: cwd).appendingPathComponent("out/reports")
        #expect(HTMLReport.href("t/a/x.jsonl", from: report) == "../../t/a/x.jsonl")
        #expect(HTMLReport.href("out/reports/t/x y#1%.txt", from: report) == "t/x%20y%231%25.txt")
        #expect(HTMLReport.href("/elsewhere/x.txt", from: URL(fileURLWithPath: "/srv/r")) == "../../elsewhere/x.txt")
        #expect(HTMLReport.href("t/x.txt", from: nil) == "t/x.txt")
        let html = HTMLReport.render(HTMLReportTests.summary, reportDirectory: URL(fileURLWithPath: cwd))
        #expect(html.contains("href=\"t/a/greeting.txt\">t/a/greeting.txt</a> (<a href=\"t/a/greeting.jsonl\">"))
    }

    @Test func aRunWithOnlyPassesHasNoFailureListAndNoFilter() {
        let summary = RunSummary(
            results: [ScenarioResult(file: "a.yaml", name: "ok", status: .passed, duration: 0.1)], duration: 0.1)
        let html = HTMLReport.render(summary)
        #expect(!html.contains("<nav") && html.contains("<body class=\"run-passed\">"))
        #expect(!html.contains("show failures only"), "nothing to filter")
        #expect(HTMLReport.render(HTMLReportTests.summary).contains("show failures only"))
    }
}
