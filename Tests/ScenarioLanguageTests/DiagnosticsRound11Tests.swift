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

    /// A literal `server_name` with a space (or a control character) cannot be a host name: check says so, as it
    /// does for an empty one. A name from a variable is checked when the step runs.
    @Test func aLiteralServerNameWithASpaceIsReportedByCheck() {
        let yaml = """
            name: t
            vars: { sn: "a b" }
            steps:
              - connect: { url: "wss://127.0.0.1:1/", tls: { server_name: "a b" } }
              - connect: { as: b, url: "wss://127.0.0.1:1/", tls: { server_name: "${sn}" } }
              - connect: { as: c, url: "wss://127.0.0.1:1/", tls: { server_name: "example.com" } }
            """
        #expect(
            errorHeaders(load(yaml)) == [
                "test.yaml:4:63: error: server_name must be a host name such as example.com, without spaces or "
                    + "control characters; found \"a b\""
            ])
    }

    /// `expect_handshake: extensions` items are one extension each, name first: check refuses what run could not
    /// match.
    @Test func expectedExtensionsAreOneExtensionEach() {
        let yaml = """
            name: t
            steps:
              - connect: ws://127.0.0.1:1/
              - expect_handshake: { extensions: ["permessage-deflate; server_no_context_takeover", "a, b"] }
            """
        #expect(
            errorHeaders(load(yaml)) == [
                "test.yaml:4:37: error: each item of extensions is one extension as in the header: its name, then "
                    + "any parameters it must have (\"permessage-deflate; server_no_context_takeover\"); found 'a, b'"
            ])
    }
}
