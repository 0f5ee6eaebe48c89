import Foundation

@testable import ScenarioLanguage

/// Helpers shared by the ScenarioLanguage tests.
enum Fixtures {
    /// `Tests/ScenarioLanguageTests/Fixtures`.
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }
}

/// Loads YAML text as `test.yaml` and returns the suite.
func load(_ yaml: String, variables: [String: JSONValue] = [:]) -> LoadedSuite {
    ScenarioLoader().load(yaml: yaml, file: "test.yaml", variables: variables)
}

/// The headers of the suite's errors (`FILE:LINE:COL: error: message`).
func errorHeaders(_ suite: LoadedSuite) -> [String] { suite.errors.map(\.header) }

/// The only scenario's steps; empty (and the test fails on the count) otherwise.
func steps(_ yaml: String) -> [Step] {
    let suite = load(yaml)
    return suite.scenarios.first?.steps ?? []
}

/// A scenario with a default connection and the given steps (indented YAML list items).
func scenario(steps body: String, vars: String = "") -> String {
    """
    name: t
    \(vars)
    steps:
      - connect: ws://127.0.0.1:9001/
    \(body)
    """
}
