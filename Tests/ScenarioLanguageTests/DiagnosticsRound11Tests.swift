import Foundation
import TestSupport
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
    /// A connection name heads transcript lines and console output: a control character in it would break them.
    @Test func aConnectionNameWithAControlCharacterIsAnError() {
        let yaml = """
            name: t
            steps:
              - connect: { as: "a\\u0085b", url: "ws://127.0.0.1:1/" }
              - connect: { as: "tab\\there", url: "ws://127.0.0.1:1/" }
              - connect: { as: "fine-name_2", url: "ws://127.0.0.1:1/" }
              - connect: { as: "evil\\u202Ename", url: "ws://127.0.0.1:1/" }
              - connect: { as: "", url: "ws://127.0.0.1:1/" }
            """
        let control =
            "error: a connection name cannot contain control characters (line breaks, tabs, DEL, bidirectional "
            + "overrides ...)"
        #expect(
            errorHeaders(load(yaml)) == [
                "test.yaml:3:20: " + control, "test.yaml:4:20: " + control, "test.yaml:6:20: " + control,
                "test.yaml:7:20: error: a connection name cannot be empty (leave out as: for the connection named "
                    + "default)",
            ])
    }

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

    /// A literal `tls:` file that is missing or not PEM is a warning of check (the file may be made before the
    /// run, so not an error); a path from a variable is looked at when the step runs.
    @Test func literalTLSFilesThatCannotWorkAreWarnedAbout() throws {
        let directory = try TestPaths.makeTemporaryDirectory("tls-check")
        defer { try? FileManager.default.removeItem(at: directory) }
        try "not a certificate\n".write(
            to: directory.appendingPathComponent("plain.txt"), atomically: true, encoding: .utf8)
        try "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".write(
            to: directory.appendingPathComponent("ca.pem"), atomically: true, encoding: .utf8)
        let file = directory.appendingPathComponent("s.yaml")
        let yaml = """
            name: s
            vars: { dir: certs }
            steps:
              - connect: { url: "wss://127.0.0.1:1/", tls: { ca: missing.pem } }
              - connect: { as: b, url: "wss://127.0.0.1:1/", tls: { ca: plain.txt } }
              - connect: { as: c, url: "wss://127.0.0.1:1/", tls: { ca: ca.pem } }
              - connect: { as: d, url: "wss://127.0.0.1:1/", tls: { ca: "${dir}/ca.pem" } }
              - connect: { as: e, url: "wss://127.0.0.1:1/", tls: { ca: certs } }
            """
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("certs"), withIntermediateDirectories: true)
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let suite = ScenarioLoader().load(paths: [file.path])
        #expect(suite.errors.isEmpty, "\(suite.errors.map(\.header))")
        let warnings = suite.warnings.map(\.message)
        #expect(warnings.count == 3, "\(warnings)")
        #expect(warnings.first?.hasPrefix("tls ca file 'missing.pem' not found (looked for ") == true)
        #expect(warnings.dropFirst().first == "tls ca file 'plain.txt' is not a PEM file (no -----BEGIN ...----- line)")
        #expect(warnings.last?.hasPrefix("tls ca 'certs' is a directory (looked at ") == true, "\(warnings)")
    }

    /// `binary: { file: }` and `include:` paths are read when the scenario is loaded: a placeholder in them is
    /// named as such, not reported as a missing file.
    @Test func placeholdersInLoadTimePathsAreNamed() {
        let yaml = """
            name: t
            vars: { f: data.bin }
            steps:
              - connect: ws://127.0.0.1:1/
              - send: { binary: { file: "${f}" } }
              - include: "${f}"
            """
        #expect(
            errorHeaders(load(yaml)) == [
                "test.yaml:5:29: error: binary file cannot use ${...}: write the path itself (it is checked when the "
                    + "scenario is loaded, relative to the scenario file)",
                "test.yaml:6:14: error: include cannot use ${...} in its file: write the path itself (it is read when "
                    + "the scenario is loaded, relative to the including file)",
            ])
    }

    /// YAML nested past libyaml's limit gets a message in the scenario's terms, not libyaml's API name.
    @Test func yamlNestedTooDeeplyIsExplained() {
        let deep = "name: t\nsteps: " + String(repeating: "[", count: 1100) + String(repeating: "]", count: 1100) + "\n"
        let messages = load(deep).errors.map(\.message)
        #expect(
            messages == [
                "invalid YAML: mappings and lists nest too deeply here (libyaml's limit is 1000 levels); flatten the "
                    + "structure, e.g. move nested steps into an included file"
            ], "\(messages)")
    }
}
