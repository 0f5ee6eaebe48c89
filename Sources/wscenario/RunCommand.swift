import ArgumentParser
import Dispatch
import Foundation
import ScenarioLanguage
import ScenarioRunner
import TestServer

/// `wscenario run [PATH ...]`: runs scenarios; exit 0 all passed, 1 any failed, 2 invalid files/usage or none
/// selected, 130/143 when interrupted by SIGINT/SIGTERM.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenarios against WebSocket servers.",
        discussion: """
            Exit status: 0 every selected scenario passed, 1 at least one failed, 2 invalid scenario files, \
            invalid usage or no scenario selected, 130/143 interrupted (SIGINT/SIGTERM).

            Every scenario leaves a transcript of every handshake, frame and HTTP call in the --transcripts directory \
            (JSON Lines and text).

            Examples:
              wscenario run --serve scenarios/
              wscenario run --var server=ws://127.0.0.1:9001 --tag smoke
              wscenario run --jobs 4 --report junit=out/ws.xml tests/ws/
              wscenario run --serve --report tap=out/ws.tap scenarios/
              wscenario run --serve --report html=out/ws.html scenarios/
              wscenario run --shard 2/4 --fail-fast --quiet
              wscenario run --no-transcripts --report junit=out/soak.xml soak/
            """)

    @Argument(help: ArgumentHelp("Scenario files and/or directories (default: ./scenarios).", valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var variableOptions: VariableOptions

    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp("Run scenarios carrying any of these tags (repeatable).", valueName: "TAG"))
    var tags: [String] = []

    // `.unconditional` so that `--jobs -1` reaches the check below instead of "Missing value".
    @Option(
        name: .shortAndLong, parsing: .unconditional,
        help: ArgumentHelp("Scenarios run concurrently (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    // An array only to tell a repeated --shard apart (an error); `.unconditionalSingleValue` so that
    // `--shard -1/3` reaches the check below.
    @Option(
        name: .customLong("shard"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Run the I-th of N deterministic slices (1-based).", valueName: "I/N"))
    var shards: [String] = []

    @Flag(help: "Stop starting new scenarios after the first failure.")
    var failFast = false

    @Option(help: ArgumentHelp("Where transcripts go (default: .wscenario/transcripts).", valueName: "DIR"))
    var transcripts: String?

    @Flag(help: "Write no transcript files, for soak and load runs (JUnit reports still carry the text).")
    var noTranscripts = false

    @Option(
        help: ArgumentHelp(
            "Write a report: junit=FILE, json=FILE, tap=FILE or html=FILE (repeatable).", valueName: "FORMAT=FILE"))
    var report: [String] = []

    @Flag(
        help: "Start the built-in server on a free 127.0.0.1 port; set `server` (ws://) and `server_http` (http://).")
    var serve = false

    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Stream every transcript line to the console.")
    var verbose = false

    func run() async throws {
        var options = RunOptions()
        options.variables = variableOptions.values()
        options.tags = tags
        if let jobs {
            guard jobs >= 1 else { RunCommand.fail("error: --jobs must be at least 1") }
            options.jobs = jobs
        }
        guard shards.count <= 1 else {
            RunCommand.fail(
                "error: --shard given \(shards.count) times (\(shards.joined(separator: ", "))): give it once")
        }
        if let shard = shards.first {
            guard let parsed = Shard(argument: shard) else {
                RunCommand.fail("error: --shard must be I/N with 1 <= I <= N, got \(shard)")
            }
            options.shard = parsed
        }
        for argument in report {
            guard let request = ReportRequest(argument: argument) else {
                RunCommand.fail("error: --report must be junit=FILE, json=FILE, tap=FILE or html=FILE, got \(argument)")
            }
            if let earlier = options.reports.first(where: { samePath($0.path, request.path) }) {
                RunCommand.fail(
                    "error: --report \(earlier.format)=\(earlier.path) and \(request.format)=\(request.path) "
                        + "write the same file: give each report its own file")
            }
            options.reports.append(request)
        }
        options.failFast = failFast
        if noTranscripts, transcripts != nil {
            RunCommand.fail("error: --transcripts and --no-transcripts contradict each other: use one")
        }
        if let transcripts, transcripts.isEmpty {
            RunCommand.fail("error: --transcripts needs a directory (or use --no-transcripts)")
        }
        options.transcriptsDirectory =
            noTranscripts ? nil : URL(fileURLWithPath: transcripts ?? ".wscenario/transcripts")
        options.verbose = verbose
        options.console = ConsoleReporter(style: .detect(), quiet: quiet)
        // With --quiet the check-time warnings are only counted (`wscenario check` shows them).
        let quietWarnings = QuietWarningCounter()
        if quiet {
            options.warningHandler = { @Sendable _ in quietWarnings.add() }
        } else {
            options.warningHandler = { @Sendable warning in StandardError.printLine(warning.rendered) }
        }
        let selectedPaths = ScenarioLoader.commandLinePaths(paths)

        var server: BuiltInServer?
        if serve {
            do {
                server = try await BuiltInServer.start()
            } catch {
                RunCommand.fail("error: cannot start the built-in server: \(error)")
            }
            options.variables["server"] = .string(server!.url)
            options.variables["server_http"] = .string(server!.httpURL)
        }
        let interruption = InterruptionWatcher()
        let runnerOptions = options
        let task = Task { try await ScenarioRunner(runnerOptions).run(paths: selectedPaths) }
        interruption.start { task.cancel() }
        let result = await task.result
        interruption.stop()
        try? await server?.shutdown()
        switch result {
        case .success(let summary):
            options.console?.finished(summary)
            if quietWarnings.count > 0 {
                StandardError.printLine(
                    "\(quietWarnings.count) warning\(quietWarnings.count == 1 ? "" : "s") about the scenario files "
                        + "(wscenario check shows them)")
            }
            for problem in summary.reportErrors { StandardError.printLine("error: \(problem)") }
            if let signal = interruption.received { throw ExitCode(128 + signal) }
            if !summary.reportErrors.isEmpty { throw ExitCode(2) }
            throw ExitCode(summary.allPassed ? 0 : 1)
        case .failure(let error):
            if let runError = error as? RunError {
                for diagnostic in runError.diagnostics { StandardError.printLine(diagnostic.rendered) }
                if !runError.isInvalidFiles { StandardError.printLine(runError.description) }
            } else {
                StandardError.printLine("error: \(error)")
            }
            if let signal = interruption.received { throw ExitCode(128 + signal) }
            throw ExitCode(2)
        }
    }

    /// Whether two report paths name the same file (compared as absolute, standardized paths).
    private func samePath(_ first: String, _ second: String) -> Bool {
        URL(fileURLWithPath: first).standardizedFileURL.path == URL(fileURLWithPath: second).standardizedFileURL.path
    }

    /// Invalid usage: the message on stderr and exit status 2.
    static func fail(_ message: String) -> Never {
        StandardError.printLine(message)
        Foundation.exit(2)
    }
}
