import Foundation
import ScenarioLanguage

/// Loads scenario files and runs the selected scenarios; the library form of `wscenario run`.
///
/// ```swift
/// var options = RunOptions()
/// options.variables["server"] = .string("ws://127.0.0.1:9001")
/// let summary = try await ScenarioRunner(options).run(paths: ["scenarios"])
/// #expect(summary.allPassed)
/// ```
/// Cancelling the calling task stops starting scenarios, interrupts the running ones (marked `interrupted`),
/// and still finishes transcripts and reports.
public struct ScenarioRunner: Sendable {
    public let options: RunOptions

    public init(_ options: RunOptions = RunOptions()) {
        self.options = options
    }

    /// Loads `paths`, selects scenarios (tags, shard), checks that transcripts can be written, runs the
    /// scenarios and writes the reports. Throws `RunError` for invalid files, when no scenario is selected, or
    /// when the transcripts directory or a report file cannot be written.
    public func run(paths: [String]) async throws -> RunSummary {
        let suite = ScenarioLoader().load(paths: paths, variables: options.variables)
        // Errors that belong to no scenario (syntax, includes, ...) invalidate the run whatever is selected;
        // a scenario's own errors (undefined variables) only when that scenario is selected.
        if suite.hasErrors(for: []) { throw RunError.invalidFiles(suite.diagnostics) }
        if suite.scenarios.isEmpty { throw RunError.noFiles(paths, filesFound: !suite.files.isEmpty) }
        let scenarios = try select(suite.scenarios)
        let relevant = suite.diagnostics(for: scenarios)
        if relevant.contains(where: { $0.severity == .error }) { throw RunError.invalidFiles(relevant) }
        for warning in relevant where warning.severity == .warning { options.warningHandler?(warning) }
        // A run refused here leaves no directory it created behind.
        var created: [String] = []
        if let directory = options.transcriptsDirectory {
            if let reason = TranscriptDirectoryCheck.problem(directory, created: &created) {
                TranscriptDirectoryCheck.removeCreated(created)
                throw RunError.transcriptsUnwritable(directory.relativePath, reason: reason)
            }
        }
        for report in options.reports {
            if let reason = ReportPathCheck.problem(report.path, created: &created) {
                TranscriptDirectoryCheck.removeCreated(created)
                throw RunError.reportUnwritable(report, reason: reason)
            }
        }
        var summary = await run(scenarios: scenarios, among: suite.scenarios)
        summary.reportErrors = writeReports(summary)
        return summary
    }

    /// Applies `--tag` and `--shard`.
    public func select(_ all: [Scenario]) throws -> [Scenario] {
        if all.isEmpty { throw RunError.noScenarios("no scenario files found") }
        var selected = all
        if !options.tags.isEmpty {
            selected = selected.filter { !Set($0.tags).isDisjoint(with: options.tags) }
            if selected.isEmpty {
                throw RunError.noScenarios("no scenario carries the tag(s) \(options.tags.joined(separator: ", "))")
            }
        }
        if let shard = options.shard {
            selected = shard.select(selected)
            if selected.isEmpty {
                throw RunError.noScenarios("shard \(shard.index)/\(shard.count) is empty")
            }
        }
        return selected
    }

    /// Runs already loaded scenarios, at most `jobs` at a time; results in the given order. `all`: every scenario
    /// loaded with them (before `--tag`/`--shard`), so that a scenario's transcript path does not depend on the
    /// selection (two shards writing to one directory never share a file).
    public func run(scenarios: [Scenario], among all: [Scenario]? = nil) async -> RunSummary {
        let environment = options.environment
        let start = environment.monotonicNanos()
        let locations = transcriptLocations(scenarios, among: all ?? scenarios)
        var results: [ScenarioResult?] = Array(repeating: nil, count: scenarios.count)
        var stopStarting = false
        await withTaskGroup(of: (Int, ScenarioResult).self) { group in
            var next = 0
            var running = 0
            let jobs = max(1, options.jobs)
            while next < scenarios.count || running > 0 {
                while running < jobs, next < scenarios.count, !stopStarting, !Task.isCancelled {
                    let index = next
                    next += 1
                    running += 1
                    let scenario = scenarios[index]
                    let location = locations[index]
                    group.addTask { (index, await self.runOne(scenario, location: location)) }
                }
                if running == 0 { break }
                guard let (index, result) = await group.next() else { break }
                running -= 1
                results[index] = result
                options.console?.scenarioFinished(result)
                if options.failFast && result.status == .failed { stopStarting = true }
            }
        }
        let interrupted = Task.isCancelled
        let finished = scenarios.indices.map { index in
            if let result = results[index] { return result }
            let skipped = ScenarioResult(
                file: scenarios[index].file, name: scenarios[index].name, status: .skipped, duration: 0)
            options.console?.scenarioFinished(skipped)
            return skipped
        }
        let duration = Double(environment.monotonicNanos() &- start) / 1e9
        let summary = RunSummary(
            results: finished, duration: duration,
            interrupted: interrupted || finished.contains { $0.status == .interrupted })
        return summary
    }

    /// Runs one scenario with its own connections, variables and transcript.
    public func runOne(_ scenario: Scenario, location: TranscriptLocation?) async -> ScenarioResult {
        let environment = options.environment
        let start = environment.monotonicNanos()
        let name = scenario.name
        var observer: (@Sendable (String) -> Void)?
        if options.verbose, let console = options.console {
            observer = { line in console.transcriptLine(name, line) }
        }
        let transcript: TranscriptWriter
        do {
            transcript = try TranscriptWriter(
                location: location, redactor: Redactor(), startNanos: start, clock: environment.monotonicNanos,
                observer: observer)
        } catch {
            return ScenarioResult(
                file: scenario.file, name: scenario.name, status: .failed, duration: 0,
                failure: ScenarioFailure(
                    step: "", stepLabel: "transcript", file: scenario.file, line: 0,
                    message: "cannot write the transcript: \(error)"))
        }
        let connector = options.connector ?? EngineConnector(clock: environment.monotonicNanos)
        let interpreter = ScenarioInterpreter(
            scenario: scenario, connector: connector, environment: environment, transcript: transcript,
            startNanos: start)
        let outcome: ScenarioInterpreter.Outcome
        if let loop = (connector as? EngineConnector)?.eventLoopGroup.next() {
            // Steps run on the event loop their connections use: no thread switch per message.
            outcome = await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) { await interpreter.run() }
        } else {
            outcome = await interpreter.run()
        }
        var warnings = outcome.warnings
        if let problem = transcript.finish() { warnings.append(problem) }
        for warning in warnings {
            options.console?.warning(
                "\(scenario.name): \(warning)", file: scenario.file, line: scenario.location.line)
        }
        return ScenarioResult(
            file: scenario.file, name: scenario.name, status: outcome.status,
            duration: Double(environment.monotonicNanos() &- start) / 1e9, failure: outcome.failure,
            transcriptPath: location?.jsonl.relativePath, transcriptText: transcript.text, warnings: warnings)
    }

    /// One transcript location per scenario of `scenarios`, worked out over `all` in order: scenarios whose names
    /// slug alike get `SLUG-2`, `SLUG-3`...
    func transcriptLocations(_ scenarios: [Scenario], among all: [Scenario]) -> [TranscriptLocation?] {
        guard options.transcriptsDirectory != nil else { return scenarios.map { _ in nil } }
        var byScenario: [String: TranscriptLocation] = [:]
        for (scenario, location) in zip(all, transcriptLocations(all)) {
            byScenario["\(scenario.documentIndex):\(scenario.file)"] = location
        }
        let own = transcriptLocations(scenarios)  // for scenarios not in `all`
        return zip(scenarios, own).map { scenario, location in
            byScenario["\(scenario.documentIndex):\(scenario.file)"] ?? location
        }
    }

    /// One transcript location per scenario; scenarios whose names slug alike get `SLUG-2`, `SLUG-3`...
    func transcriptLocations(_ scenarios: [Scenario]) -> [TranscriptLocation?] {
        guard let directory = options.transcriptsDirectory else { return scenarios.map { _ in nil } }
        var used: Set<String> = []
        return scenarios.map { scenario in
            let slug = TranscriptLocation.slug(scenario.name)
            var location = TranscriptLocation(directory: directory, file: scenario.file, slug: slug)
            var counter = 2
            while used.contains(location.jsonl.path) {
                location = TranscriptLocation(directory: directory, file: scenario.file, slug: "\(slug)-\(counter)")
                counter += 1
            }
            used.insert(location.jsonl.path)
            return location
        }
    }

    /// Writes every requested report; returns what could not be written.
    public func writeReports(_ summary: RunSummary) -> [String] {
        var errors: [String] = []
        for report in options.reports {
            let url = URL(fileURLWithPath: report.path)
            let text: String
            switch report {
            case .junit: text = JUnitReport.render(summary)
            case .json: text = JSONReport.render(summary)
            case .tap: text = TAPReport.render(summary)
            case .html: text = HTMLReport.render(summary, reportDirectory: url.deletingLastPathComponent())
            }
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            } catch {
                errors.append("cannot write report \(report.path): \(error.localizedDescription)")
            }
        }
        return errors
    }
}
