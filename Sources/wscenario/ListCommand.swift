import ArgumentParser
import Foundation
import ScenarioLanguage

/// `wscenario list`: one line per scenario (file, name, tags).
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List scenarios: file, name and tags, one line each.",
        discussion: """
            Each line is FILE<TAB>NAME<TAB>TAGS (tags comma-separated, empty when none).
            Invalid files are reported on stderr (exit status 2); their valid scenarios are still listed.
            Variables are not needed: a scenario using a variable that is not defined is listed all the same.

            Examples:
              wscenario list                               every scenario under ./scenarios
              wscenario list --tag smoke --tag chat tests/ws/
              wscenario list --json | jq '.[].name'
            """)

    @Argument(
        help: ArgumentHelp(
            "Scenario files and/or directories (searched recursively). Default: ./scenarios", valueName: "PATH"))
    var paths: [String] = []

    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp(
            "Only scenarios carrying this tag (repeatable: any of them).",
            valueName: "TAG"))
    var tags: [String] = []

    @Flag(name: .customLong("json"), help: "Print a JSON array of {file, name, tags, line} objects instead.")
    var json = false

    @OptionGroup var variableOptions: VariableOptions

    func run() async throws {
        let values = variableOptions.values()
        let suite = ScenarioLoader().load(paths: ScenarioLoader.commandLinePaths(paths), variables: values)
        // Listing needs no variables: undefined-variable errors (scenario-scoped) are not reported here.
        let errors = suite.diagnostics(for: []).filter { $0.severity == .error }
        for diagnostic in errors {
            StandardError.printLine(diagnostic.rendered)
        }
        let selected = suite.scenarios.filter { tags.isEmpty || !Set($0.tags).isDisjoint(with: tags) }
        if json {
            let items = selected.map { scenario in
                JSONValue.object(
                    JSONObject([
                        ("file", .string(scenario.file)), ("name", .string(scenario.name)),
                        ("tags", .array(scenario.tags.map(JSONValue.string))),
                        ("line", .integer(Int64(scenario.location.line))),
                    ]))
            }
            print(JSONValue.array(items).prettyJSON, terminator: "")
        } else {
            for scenario in selected {
                print("\(scenario.file)\t\(scenario.name)\t\(scenario.tags.joined(separator: ","))")
            }
        }
        if !errors.isEmpty { throw ExitCode(2) }
    }
}
