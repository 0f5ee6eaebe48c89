import Foundation
import Testing

@testable import ScenarioLanguage

/// Every file in `Fixtures/invalid` is checked against its `.expected` file: the exact
/// `FILE:LINE:COL: severity: message` of every diagnostic, in order.
@Suite struct FixtureCorpusTests {
    static var invalidFiles: [String] {
        let directory = Fixtures.path("invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func corpusIsNotEmpty() {
        #expect(Self.invalidFiles.count >= 20)
    }

    @Test(arguments: invalidFiles)
    func diagnosticsMatchExpectations(name: String) throws {
        let directory = Fixtures.path("invalid")
        let expectedPath = directory + "/" + name.replacingOccurrences(of: ".yaml", with: ".expected")
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
            .replacingOccurrences(of: "$DIR", with: directory)
            .split(separator: "\n").map { directory + "/" + $0 }
        let suite = ScenarioLoader().load(paths: [directory + "/" + name])
        #expect(suite.diagnostics.map(\.header) == expected)
        if !name.hasPrefix("warnings") { #expect(suite.hasErrors) }
    }

    @Test func validFixturesHaveNoErrors() {
        let suite = ScenarioLoader().load(paths: [Fixtures.path("valid")])
        #expect(suite.errors.map(\.header) == [])
        #expect(suite.scenarios.count == 6)
        // The included fragment is not a scenario file of its own.
        #expect(!suite.files.contains { $0.path.hasSuffix("common/login.yaml") })
    }

    @Test func everyFileProblemIsReportedAtOnce() {
        let suite = ScenarioLoader().load(paths: [Fixtures.path("invalid/wrong-types.yaml")])
        #expect(suite.errors.count == 6)
    }

    @Test func snippetPointsAtTheColumn() throws {
        let suite = ScenarioLoader().load(paths: [Fixtures.path("invalid/unknown-step-kind.yaml")])
        let first = try #require(suite.errors.first)
        #expect(first.rendered.hasSuffix("\n      - sendd: hello\n        ^"))
    }
}
