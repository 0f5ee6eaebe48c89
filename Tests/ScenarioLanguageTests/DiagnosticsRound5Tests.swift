import Foundation
import Testing

@testable import ScenarioLanguage

/// Check-time diagnostics found by a QA pass on user mistakes: each names its position and says what to do.
@Suite struct DiagnosticsRound5Tests {
    @Test func emptyNamesAndTLSOnPlainURLs() {
        let suite = load(
            """
            name: "  "
            description: [a, b]
            steps:
              - connect: { url: "ws://127.0.0.1:9/x", tls: { ca: no-ca.pem } }
              - http: { url: "http://127.0.0.1:9/x", tls: { insecure: true } }
              - close: { code: 99999, reason: bye }
            """)
        let headers = errorHeaders(suite)
        #expect(
            headers == [
                "test.yaml:1:7: error: a scenario's name must not be empty: it names the scenario in reports and "
                    + "transcripts",
                "test.yaml:2:14: error: description must be a string; found a list",
                "test.yaml:6:20: error: code must be between 0 and 65535; found 99999",
            ], "\(headers)")
        let warnings = suite.diagnostics.filter { $0.severity == .warning }.map(\.rendered)
        #expect(warnings.contains { $0.contains("tls has no effect on a ws:// URL: use wss://") })
        #expect(warnings.contains { $0.contains("tls has no effect on an http:// URL: use https://") })
    }

    @Test func aVariableUsedBeforeItsEntryIsAnOrderingMistake() {
        let suite = load(
            """
            name: t
            vars:
              a: "${b}-x"
              b: 1
            steps:
              - set: { c: "${d}", d: 2 }
              - wait: 1ms
            """)
        #expect(
            errorHeaders(suite) == [
                "test.yaml:3:6: error: variable 'b' is used before it is set at line 4: entries are set in order, "
                    + "so move 'b' above this one",
                "test.yaml:6:15: error: variable 'd' is used before it is set at line 6: entries are set in order, "
                    + "so move 'd' above this one",
            ], "\(errorHeaders(suite))")
    }
}
