/// One step of a scenario: its kind with validated arguments, an optional name and where it was written.
public struct Step: Sendable {
    /// The `name:` written beside the kind key, if any.
    public var name: String?
    /// Where the step's mapping (or bare string) starts.
    public var location: SourceLocation
    /// What the step does.
    public var kind: StepKind
    /// Arguments written with placeholders, rendered into `kind` when the step runs (their values in `kind`
    /// are placeholders until then).
    public var deferred: [DeferredArgument]

    /// Creates a step.
    public init(name: String? = nil, location: SourceLocation, kind: StepKind, deferred: [DeferredArgument] = []) {
        self.name = name
        self.location = location
        self.kind = kind
        self.deferred = deferred
    }

    /// The step's name if given, else a short description such as `send` or `expect_message on bob`.
    public var displayName: String {
        if let name { return name }
        if let connection = kind.connection, connection != Scenario.defaultConnection {
            return "\(kind.keyword) on \(connection)"
        }
        return kind.keyword
    }
}
