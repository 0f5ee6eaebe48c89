import ScenarioLanguage

/// What an `http` step's `capture:` queries select in the response body, worked out once: first to mask secret
/// values before the response is recorded, then to set the variables.
struct CapturedValues {
    /// Whether the body parsed as JSON (only asked when there are captures).
    let bodyIsJSON: Bool
    /// Per capture, in order: the selected value, or nil when the query selects nothing (or the body is not JSON).
    let values: [JSONValue?]

    /// `paths`: the captures' queries, their placeholders rendered.
    init(_ paths: [JSONPath], from response: HandshakeResponse) {
        let document = paths.isEmpty ? nil : JSONText.parse(response.bodyText)
        bodyIsJSON = document != nil
        values = paths.map { path in document.flatMap { path.value(in: $0) } }
    }
}
