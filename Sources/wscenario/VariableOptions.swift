import ArgumentParser
import Foundation
import ScenarioLanguage

/// `--var` and `--vars`, shared by `run`, `check` and `list`.
struct VariableOptions: ParsableArguments {
    @Option(
        name: .customLong("var"),
        help: ArgumentHelp("Set a variable, overriding `vars:` (repeatable).", valueName: "NAME=VALUE"))
    var assignments: [String] = []

    @Option(
        name: .customLong("vars"),
        help: ArgumentHelp("A YAML file mapping variable names to values (repeatable).", valueName: "FILE"))
    var files: [String] = []

    /// The variables given on the command line; on a problem, prints it on stderr and exits with status 2.
    func values() -> [String: JSONValue] {
        do {
            return try CommandLineVariables.parse(assignments: assignments, files: files)
        } catch {
            // A diagnostic (`FILE:LINE:COL: error: ...`) is printed as it is; other problems get `error: `.
            let text = "\(error)"
            let firstLine = text.split(separator: "\n").first ?? ""
            let isDiagnostic = text.hasPrefix("error:") || firstLine.contains(": error: ")
            StandardError.printLine(isDiagnostic ? text : "error: \(text)")
            Foundation.exit(2)
        }
    }
}
