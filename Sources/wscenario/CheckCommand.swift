import ArgumentParser
import Foundation
import ScenarioLanguage

/// `wscenario check`: parse and validate scenario files without any network.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and validate scenario files; no network.",
        discussion: """
            Reports every problem of every file as FILE:LINE:COL: error: message on stderr and prints a \
            one-line summary on stdout. Exit status: 0 when every file is valid (warnings allowed), 2 when any \
            is invalid or no scenario was found.

            Examples:
              wscenario check                              validate ./scenarios
              wscenario check scenarios/chat.yaml tests/ws/
              wscenario check --var server=ws://127.0.0.1:9001 --vars ci.vars.yaml
            """)

    @Argument(
        help: ArgumentHelp(
            "Scenario files and/or directories (searched recursively). Default: ./scenarios", valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var variableOptions: VariableOptions

    func run() async throws {
        let values = variableOptions.values()
        let suite = ScenarioLoader().load(paths: ScenarioLoader.commandLinePaths(paths), variables: values)
        for diagnostic in suite.diagnostics {
            StandardError.printLine(diagnostic.rendered)
        }
        // Every scenario document counts, valid or not; the invalid ones are named as such.
        let scenarioCount = suite.files.reduce(0) { $0 + $1.documentCount }
        let invalid = scenarioCount - suite.scenarios.filter { !$0.hasErrors }.count
        let fileCount = suite.files.count
        let errors = suite.errors.count
        let scenarioWord = scenarioCount == 1 ? "scenario" : "scenarios"
        let fileWord = fileCount == 1 ? "file" : "files"
        var summary = "\(scenarioCount) \(scenarioWord) in \(fileCount) \(fileWord)"
        summary += (errors > 0 && invalid > 0 ? ", \(invalid) invalid" : "") + ": "
        if errors > 0 {
            summary += "\(errors) \(errors == 1 ? "error" : "errors")"
        } else {
            summary += fileCount == 0 ? "no scenario files found" : scenarioCount == 0 ? "no scenarios found" : "ok"
        }
        let warnings = suite.warnings.count
        if warnings > 0 { summary += ", \(warnings) \(warnings == 1 ? "warning" : "warnings")" }
        print(summary)
        if errors > 0 || suite.scenarios.isEmpty { throw ExitCode(2) }
    }
}
