/// One line of a transcript: what happened, when, on which connection, during which step.
public struct TranscriptEvent: Sendable {
    /// Seconds since the scenario started.
    public var time: Double
    public var kind: TranscriptEventKind
    /// The connection name, where the event belongs to one.
    public var connection: String?
    /// The step path (`"3"`, `"3.1"` for nested steps), where the event belongs to one.
    public var step: String?
    /// Event-specific fields, in output order.
    public var fields: [(String, OutputJSON)]

    public init(
        time: Double, kind: TranscriptEventKind, connection: String? = nil, step: String? = nil,
        fields: [(String, OutputJSON)] = []
    ) {
        self.time = time
        self.kind = kind
        self.connection = connection
        self.step = step
        self.fields = fields
    }

    /// The event as one JSON object: `t`, `event`, `conn`, `step`, then its fields.
    public var json: OutputJSON {
        var pairs: [(String, OutputJSON)] = [
            ("t", .double((time * 1_000_000).rounded() / 1_000_000)), ("event", .string(kind.rawValue)),
        ]
        if let connection { pairs.append(("conn", .string(connection))) }
        if let step { pairs.append(("step", TranscriptEvent.stepJSON(step))) }
        pairs.append(contentsOf: fields)
        return .object(pairs)
    }

    /// A step path as JSON: a top-level step as its 0-based index (a number), a nested one as `"3.1"`.
    public static func stepJSON(_ path: String) -> OutputJSON {
        if let index = Int(path) { return .int(index) }
        return .string(path)
    }

    /// The value of one field.
    public subscript(field: String) -> OutputJSON? {
        fields.first { $0.0 == field }?.1
    }
}
