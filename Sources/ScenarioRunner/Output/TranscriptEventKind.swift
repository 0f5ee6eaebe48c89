/// The `event` names of transcript lines (the contract's Outputs section).
public enum TranscriptEventKind: String, Sendable, CaseIterable {
    case scenarioStart = "scenario_start"
    case stepStart = "step_start"
    case stepEnd = "step_end"
    case handshakeRequest = "handshake_request"
    case handshakeResponse = "handshake_response"
    /// An `http` step's request, as sent.
    case httpRequest = "http_request"
    /// The answer to an `http` step's request.
    case httpResponse = "http_response"
    case frameOut = "frame_out"
    case frameIn = "frame_in"
    case messageIn = "message_in"
    case capture
    case error
    case close
    case scenarioEnd = "scenario_end"
}
