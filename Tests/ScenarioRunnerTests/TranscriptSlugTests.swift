import Foundation
import Testing

@testable import ScenarioRunner

/// Transcript file names: Unicode slugs, the `scenario` fallback and `-2`, `-3` for collisions.
@Suite("Transcript slugs")
struct TranscriptSlugTests {
    @Test func unicodeLettersAndDigitsAreKeptInLowerCase() {
        #expect(TranscriptLocation.slug("日本語のシナリオ") == "日本語のシナリオ")
        #expect(TranscriptLocation.slug("Ärger über Größe 3") == "ärger-über-größe-3")
        #expect(TranscriptLocation.slug("  --a__b--  ") == "a-b")
        #expect(TranscriptLocation.slug("!!!") == "scenario")
        #expect(TranscriptLocation.slug("") == "scenario")
    }

    @Test func longNamesStayWithinTheFileNameLimit() {
        let slug = TranscriptLocation.slug(String(repeating: "名前 ", count: 200))
        #expect(slug.utf8.count <= TranscriptLocation.maximumSlugBytes)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasPrefix("名前-名前"))
    }

    @Test func scenariosWhoseNamesSlugAlikeGetNumberedSuffixes() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let summary = try await harness.run(
            """
            name: "!!!"
            steps:
              - connect: ws://fake/
            ---
            name: "日本語のシナリオ"
            steps:
              - connect: ws://fake/
            ---
            name: "???"
            steps:
              - connect: ws://fake/
            ---
            name: Scenario
            steps:
              - connect: ws://fake/
            """)
        let names = summary.results.map { ($0.transcriptPath.map { URL(fileURLWithPath: $0).lastPathComponent }) }
        #expect(names == ["scenario.jsonl", "日本語のシナリオ.jsonl", "scenario-2.jsonl", "scenario-3.jsonl"])
        for result in summary.results {
            let path = try #require(result.transcriptPath)
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(FileManager.default.fileExists(atPath: path.replacingOccurrences(of: ".jsonl", with: ".txt")))
        }
    }
}
