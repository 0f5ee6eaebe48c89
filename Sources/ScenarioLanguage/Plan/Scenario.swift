/// One scenario (one YAML document), validated and ready to run.
public struct Scenario: Sendable {
    /// The connection name used when a step names none.
    public static let defaultConnection = "default"
    /// The default `timeout:`.
    public static let defaultTimeout: Duration = .seconds(5)
    /// Variables that count as defined at check time without `vars:`: `server` (`ws://HOST:PORT`) and
    /// `server_http` (`http://HOST:PORT`) are set by `run --serve` or passed with `--var server=...`.
    /// When still undefined at run time, the step using it fails.
    public static let predeclaredVariables: Set<String> = ["server", "server_http"]

    /// `name:` (unique within its file).
    public var name: String
    /// `description:`.
    public var description: String?
    /// `tags:`.
    public var tags: [String]
    /// Variables in evaluation order: the file's `vars:` with `--var`/`--vars` values replacing them
    /// (as literals), then command-line variables the file does not declare.
    public var vars: [VariableAssignment]
    /// Names of variables whose values must be masked (`***`) everywhere.
    public var secrets: [String]
    /// The default wait (`timeout:`, 5 s); already applied to every step's `within`/`timeout`.
    public var timeout: Duration
    /// Messages every `expect_message` skips (and consumes silently).
    public var ignore: [MessageMatcher]
    /// What unconsumed messages at the end do.
    public var inbox: InboxMode
    /// The steps.
    public var steps: [Step]
    /// Where the document starts (its `name:` key, or the document start).
    public var location: SourceLocation
    /// The scenario file's path (as given or discovered).
    public var file: String { location.file }
    /// The 0-based index of the YAML document in its file.
    public var documentIndex: Int
    /// This scenario's own errors that do not make the rest of its file invalid: undefined variables. The
    /// scenario is still listed and selectable, but must not run while any is present. They are also part
    /// of `LoadedSuite.diagnostics`; `LoadedSuite.diagnostics(for:)` keeps only those of selected scenarios.
    public var diagnostics: [Diagnostic] = []

    /// Whether this scenario has errors of its own (see `diagnostics`) and so must not run.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// `inbox:` — what unconsumed messages at the end of a scenario do.
public enum InboxMode: String, Sendable, CaseIterable {
    /// Report them as a warning (default).
    case warn
    /// Fail the scenario.
    case strict
    /// Say nothing.
    case off
}
