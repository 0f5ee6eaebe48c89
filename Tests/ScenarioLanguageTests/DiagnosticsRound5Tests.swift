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

    @Test func literalURLsThatCannotWorkAreReportedByCheck() {
        let suite = load(
            """
            name: t
            steps:
              - connect: { as: a, url: "ws://" }
              - connect: { as: b, url: "ws://127.0.0.1:99999/" }
              - connect: { as: c, url: "ws://exa mple.com/" }
              - connect: { as: d, url: "ws://[::1]:8080/ok" }
              - http: "http://127.0.0.1:0/x"
            """)
        #expect(
            errorHeaders(suite) == [
                "test.yaml:3:28: error: invalid URL 'ws://': the URL has no host (write it like "
                    + "ws://127.0.0.1:9001/path)",
                "test.yaml:4:28: error: invalid URL 'ws://127.0.0.1:99999/': the port must be a number between 1 "
                    + "and 65535; found '99999'",
                "test.yaml:5:28: error: invalid URL 'ws://exa mple.com/': a URL cannot contain spaces "
                    + "(percent-encode them: %20)",
                "test.yaml:7:11: error: invalid URL 'http://127.0.0.1:0/x': the port must be a number between 1 "
                    + "and 65535; found '0'",
            ], "\(errorHeaders(suite))")
    }
}
