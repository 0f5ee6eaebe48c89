/// The outcome of one scenario run.
public struct ScenarioResult: Sendable {
    /// The scenario file, as given on the command line (or found in a directory).
    public var file: String
    /// The scenario's name.
    public var name: String
    public var status: ScenarioStatus
    /// Seconds.
    public var duration: Double
    public var failure: ScenarioFailure?
    /// The JSON Lines transcript path, if written.
    public var transcriptPath: String?
    /// The text rendering of the transcript.
    public var transcriptText: String
    /// Messages that were never consumed, reported by the inbox audit (`inbox: warn`).
    public var warnings: [String]

    public init(
        file: String, name: String, status: ScenarioStatus, duration: Double, failure: ScenarioFailure? = nil,
        transcriptPath: String? = nil, transcriptText: String = "", warnings: [String] = []
    ) {
        self.file = file
        self.name = name
        self.status = status
        self.duration = duration
        self.failure = failure
        self.transcriptPath = transcriptPath
        self.transcriptText = transcriptText
        self.warnings = warnings
    }
}
