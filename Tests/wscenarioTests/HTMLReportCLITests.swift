import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `--report html=FILE` from the built binary: the page parses as XML, indexes the failure, links to transcript
/// files that exist relative to the page's folder, and never shows a secret.
@Suite struct HTMLReportCLITests {
    @Test func aFailingRunWritesAPageLinkingToItsTranscripts() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/page.yaml",
            """
            name: echo <works> & more
            vars: { token: hunter2-secret }
            secrets: [token]
            steps:
              - connect: ${server}/echo
              - send: "token ${token}"
              - expect_message: "token ${token}"
            ---
            name: wrong reply
            vars: { token: hunter2-secret }
            secrets: [token]
            steps:
              - connect: ${server}/echo
              - send: "token ${token}"
              - expect_message: { text: "<nope>", within: 200ms }
            """)
        let run = try cli.run(["run", "--serve", "--jobs", "1", "--report", "html=out/html/r.html"])
        #expect(run.exitCode == 1, "\(run.standardError)")
        let page = try cli.read("out/html/r.html")
        #expect(!page.contains("hunter2"), "a secret reached the HTML report")
        let document = try XMLDocument(xmlString: page)
        let failures = try document.nodes(forXPath: "//nav//li").map { $0.stringValue ?? "" }
        #expect(failures.count == 1)
        #expect(
            failures.first?.hasPrefix(
                "scenarios/page.yaml: wrong reply — step 2 (expect_message) at scenarios/page.yaml:15") == true,
            "\(failures)")
        let names = try document.nodes(forXPath: "//details/summary/span[@class='name']").map { $0.stringValue }
        #expect(names == ["echo <works> & more", "wrong reply"])
        let message = try document.nodes(forXPath: "//pre[@class='message']").first?.stringValue ?? ""
        #expect(message.contains("token ***"), "\(message)")
        let links = try document.nodes(forXPath: "//p[@class='links']/a/@href").compactMap(\.stringValue)
        #expect(links.count == 4)
        let folder = cli.directory.appendingPathComponent("out/html")
        for link in links {
            #expect(link.hasPrefix("../../.wscenario/transcripts/scenarios/page/"), "\(link)")
            let path = try #require(link.removingPercentEncoding)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "\(link)")
        }
        let transcripts = try document.nodes(forXPath: "//details[@class='transcript']/pre").compactMap(\.stringValue)
        #expect(transcripts.count == 2 && transcripts.allSatisfy { $0.contains("scenario_start") })
    }
}
