import ScenarioLanguage

/// What an `http` step's `capture:` queries select in the response body, worked out once: first to mask secret
/// values before the response is recorded, then to set the variables.
struct CapturedValues {
    /// Whether the body parsed as JSON (only asked when there are captures).
    let bodyIsJSON: Bool
    /// Per capture, in order: the selected value, or nil when the query selects nothing (or the body is not JSON).
    let values: [JSONValue?]

    init(_ captures: [JSONPathCapture], from response: HandshakeResponse) {
        let document = captures.isEmpty ? nil : JSONText.parse(response.bodyText)
        bodyIsJSON = document != nil
        values = captures.map { capture in document.flatMap { capture.path.value(in: $0) } }
    }
}
