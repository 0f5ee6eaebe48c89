import ArgumentParser
import Foundation

/// The `wscenario` command line: a thin entry point that dispatches to one sub-command per file.
@main
struct WScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wscenario",
        abstract: "Run declarative YAML scenarios against WebSocket servers.",
        discussion: """
            Exit status: 0 every selected scenario passed, 1 at least one failed, 2 invalid scenario files, \
            invalid usage or no scenario selected.

            Examples:
              Run the example suite against the built-in server:
                wscenario run --serve scenarios/
              Run a suite against your own server, with a JUnit report for CI:
                wscenario run --var server=wss://api.example.com \\
                  --report junit=out/ws.xml tests/ws/
              Validate scenario files without any network:
                wscenario check scenarios/
              Start the built-in test server:
                wscenario serve --port 9001
              Try a server by hand:
                wscenario probe ws://127.0.0.1:9001/echo
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self,
            CheckCommand.self,
            ListCommand.self,
            ServeCommand.self,
            SchemaCommand.self,
            ProbeCommand.self,
        ]
    )

    /// Runs the command line. Invalid usage exits with status 2 (the contract), not ArgumentParser's 64.
    static func main() async {
        // A reader that goes away (`| head`) must not kill the run before it writes its reports: writes to a closed
        // pipe fail (and are dropped) instead.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            StandardError.printLine(lowercasedErrorPrefix(fullMessage(for: error)))
            Foundation.exit(2)
        }
    }

    /// ArgumentParser's `Error: ...` in the project's `error: ...` style.
    static func lowercasedErrorPrefix(_ message: String) -> String {
        message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message
    }
}
