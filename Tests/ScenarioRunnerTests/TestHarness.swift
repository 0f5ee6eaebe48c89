import Foundation
import ScenarioLanguage
import TestSupport

@testable import ScenarioRunner

/// Runs scenarios written inline against the scripted fake, with transcripts in a temporary directory.
struct Harness {
    let directory: URL
    var connector: ScriptedConnector
    var environment: RunEnvironment

    init(connector: ScriptedConnector = ScriptedConnector()) throws {
        directory = try TestPaths.makeTemporaryDirectory("runner")
        self.connector = connector
        let counter = Counter()
        environment = RunEnvironment(
            monotonicNanos: { DispatchTime.now().uptimeNanoseconds },
            wallClockMillis: { 1_700_000_000_000 },
            uuid: { "00000000-0000-0000-0000-\(String(format: "%012d", counter.next()))" },
            randomInt: { 4 },
            variables: ["HOME_TEST": "/home/test"])
    }

    func options() -> RunOptions {
        var options = RunOptions()
        options.connector = connector
        options.environment = environment
        options.transcriptsDirectory = directory.appendingPathComponent("transcripts")
        options.jobs = 2
        return options
    }

    /// Loads `yaml` (one or more documents) from an in-memory file and runs every scenario.
    func run(_ yaml: String, variables: [String: JSONValue] = [:], options: RunOptions? = nil) async throws
        -> RunSummary
    {
        let suite = ScenarioLoader().load(yaml: yaml, file: "suite/test.yaml", variables: variables)
        if suite.hasErrors {
            throw HarnessError(message: suite.diagnostics.map(\.rendered).joined(separator: "\n"))
        }
        return await ScenarioRunner(options ?? self.options()).run(scenarios: suite.scenarios)
    }

    /// Runs one scenario and returns its result.
    func runOne(_ yaml: String, variables: [String: JSONValue] = [:]) async throws -> ScenarioResult {
        let summary = try await run(yaml, variables: variables)
        guard let result = summary.results.first else { throw HarnessError(message: "no scenario") }
        return result
    }

    /// The transcript events of a result, parsed back from its JSON Lines file.
    func events(_ result: ScenarioResult) throws -> [[String: Any]] {
        guard let path = result.transcriptPath else { throw HarnessError(message: "no transcript") }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw HarnessError(message: "not an object: \(line)")
            }
            return object
        }
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}

struct HarnessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A thread-safe counter for the deterministic `${uuid}`.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}

/// A transcript `step` value as text: top-level steps are numbers, nested ones strings such as `"3.1"`.
func stepText(_ value: Any?) -> String? {
    if let number = value as? Int { return String(number) }
    return value as? String
}
