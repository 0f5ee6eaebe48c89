import Testing

@testable import ScenarioLanguage

/// Check-time findings of the eleventh QA pass.
@Suite struct DiagnosticsRound11Tests {
    /// `insecure: "${x}"` (or any true/false argument with a placeholder) says placeholders are not allowed
    /// there, instead of "must be true or false; found '${ins}'".
    @Test func aPlaceholderInATrueOrFalseArgumentIsNamedAsSuch() {
        let yaml = """
            name: t
            vars: { ins: "true" }
            steps:
              - connect: { url: "wss://127.0.0.1:1/", tls: { insecure: "${ins}" } }
            """
        #expect(
            errorHeaders(load(yaml)) == [
                "test.yaml:4:60: error: insecure cannot use ${...}: write true or false itself"
            ])
    }
}
