import ArgumentParser
import Foundation
import ScenarioLanguage

/// `wscenario list`: one line per scenario (file, name, tags).
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List scenarios: file, name and tags, one line each.",
        discussion: #"""
            Each line is FILE<TAB>NAME<TAB>TAGS (tags comma-separated, empty when none). In these fields a
            backslash, tab or line break is written \\, \t, \n or \r, and a comma in a tag \, (not in --json).
            Invalid files are reported on stderr (exit status 2); their valid scenarios are still listed.
            Finding no scenario is exit status 2, as for run and check.
            Variables are not needed: a scenario using a variable that is not defined is listed all the same.

            Examples:
              wscenario list                               every scenario under ./scenarios
              wscenario list --tag smoke --tag chat tests/ws/
              wscenario list --json | jq '.[].name'
            """#)

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
                let tags = scenario.tags.map { Self.field($0, comma: true) }.joined(separator: ",")
                print("\(Self.field(scenario.file))\t\(Self.field(scenario.name))\t\(tags)")
            }
        }
        if selected.isEmpty, errors.isEmpty {
            let what = paths.isEmpty ? "./scenarios" : paths.joined(separator: " ")
            StandardError.printLine(
                suite.scenarios.isEmpty
                    ? "error: no scenario found in \(what)"
                    : "error: no scenario carries the tag(s) \(tags.joined(separator: ", "))")
        }
        if !errors.isEmpty || selected.isEmpty { throw ExitCode(2) }
    }

    /// A field of the plain format with its separators escaped.
    static func field(_ text: String, comma: Bool = false) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "," where comma: out += "\\,"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
