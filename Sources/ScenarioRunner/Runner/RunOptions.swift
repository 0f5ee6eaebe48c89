import Foundation
import ScenarioLanguage

/// How `ScenarioRunner` runs scenarios (the library form of `wscenario run`'s options).
public struct RunOptions: Sendable {
    /// `--var`/`--vars` values: they override `vars:` and fill undefined variables.
    public var variables: [String: JSONValue] = [:]
    /// `--tag`: run only scenarios carrying any of these tags (empty: all).
    public var tags: [String] = []
    /// Scenarios run concurrently.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// `--shard I/N`.
    public var shard: Shard?
    /// Stop starting scenarios after the first failure.
    public var failFast = false
    /// Where transcripts go; nil writes none.
    public var transcriptsDirectory: URL? = URL(fileURLWithPath: ".wscenario/transcripts")
    /// Reports written at the end.
    public var reports: [ReportRequest] = []
    /// Console output; nil prints nothing.
    public var console: ConsoleReporter?
    /// Stream every transcript line to the console.
    public var verbose = false
    /// How connections are opened; nil uses the WebSocket engine.
    public var connector: (any ScenarioConnector)?
    /// Receives the loader's warnings (the CLI prints them on stderr).
    public var warningHandler: (@Sendable (Diagnostic) -> Void)?
    /// Clocks, randomness and environment variables.
    public var environment: RunEnvironment = .live

    public init() {}
}
