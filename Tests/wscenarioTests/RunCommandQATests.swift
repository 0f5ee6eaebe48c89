import Foundation
import TestSupport
import Testing

/// Fixes found by QA in `wscenario run`, end to end through the built binary.
@Suite("wscenario run: QA fixes", .serialized)
struct RunCommandQATests {
    @Test func unwritableTranscriptsDirectoryExitsTwoBeforeRunningAnything() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/echo.yaml", ScenarioTexts.echo)
        try cli.write("blocker", "a regular file")
        let result = try cli.run(["run", "--serve", "--transcripts", "blocker/sub", "--report", "json=r.json"])
        #expect(result.exitCode == 2)
        #expect(
            result.standardError.contains("error: cannot write transcripts to blocker/sub: Not a directory"),
            "\(result.standardError)")
        #expect(!result.standardError.contains("NSCocoaErrorDomain"))
        #expect(!result.standardOutput.contains("echo"))
        #expect(!cli.exists("r.json"))
    }

    @Test func brokenVariablesFileIsReportedOnceWithItsPosition() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/echo.yaml", ScenarioTexts.echo)
        try cli.write("bad.vars.yaml", "a: [\n")
        for command in [["run", "--serve"], ["check"], ["list"]] {
            let result = try cli.run(command + ["--vars", "bad.vars.yaml"])
            #expect(result.exitCode == 2, "\(command)")
            let firstLine = result.standardError.split(separator: "\n").first.map(String.init) ?? ""
            #expect(
                firstLine.hasPrefix("bad.vars.yaml:2:1: error: invalid YAML"), "\(command): \(result.standardError)")
            #expect(!result.standardError.contains("error: bad.vars.yaml"), "\(command)")
        }
        let missing = try cli.run(["run", "--serve", "--vars", "nowhere.vars.yaml"])
        #expect(missing.exitCode == 2)
        #expect(missing.standardError.hasPrefix("error: cannot read the variables file"), "\(missing.standardError)")
    }

    @Test func undefinedVariablesOnlyMatterInSelectedScenarios() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let tagged = """
            name: tagged
            tags: [smoke]
            steps:
              - connect: ${server}/echo
              - send: hi
              - expect_message: hi
            ---
            name: needs a token
            steps:
              - connect: ${server}/echo
              - send: "${token}"
            """
        try cli.write("scenarios/mixed.yaml", tagged)
        let selected = try cli.run(["run", "--serve", "--tag", "smoke"])
        #expect(selected.exitCode == 0, "\(selected.standardOutput)\n\(selected.standardError)")
        let all = try cli.run(["run", "--serve"])
        #expect(all.exitCode == 2)
        #expect(all.standardError.contains("scenarios/mixed.yaml:"), "\(all.standardError)")
        #expect(all.standardError.contains("token"), "\(all.standardError)")
    }

    @Test func expectCloseAcceptsADroppedConnection() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let documents = (1...5).map { index in
            """
            name: dropped \(index)
            steps:
              - connect: ${server}/misbehave/drop
              - expect_close
            """
        }
        try cli.write("scenarios/drop.yaml", documents.joined(separator: "\n---\n"))
        let result = try cli.run(["run", "--serve", "--jobs", "2"])
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
    }

    @Test func unicodeAndSymbolNamesGetDistinctTranscripts() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/names.yaml",
            """
            name: "!!!"
            steps:
              - connect: ${server}/echo
            ---
            name: "日本語のシナリオ"
            steps:
              - connect: ${server}/echo
            ---
            name: "???"
            steps:
              - connect: ${server}/echo
            """)
        let result = try cli.run(["run", "--serve"])
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
        for name in ["scenario", "日本語のシナリオ", "scenario-2"] {
            #expect(cli.exists(".wscenario/transcripts/scenarios/names/\(name).jsonl"), "\(name)")
            #expect(cli.exists(".wscenario/transcripts/scenarios/names/\(name).txt"), "\(name)")
        }
    }

    @Test func capturedSecretsAreMaskedInEveryOutput() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/secret.yaml",
            """
            name: captured secret
            secrets: [cap]
            steps:
              - connect: ${server}/echo
              - send: { json: { other: CAPVAL-123 } }
              - expect_message: { json: { other: !any }, capture: { cap: $.other } }
              - send: "cap=${cap}"
              - expect_message: "cap=CAPVAL-123"
              - expect_message: { text: "never ${cap}", within: 100ms }
            """)
        let result = try cli.run(["run", "--serve", "--report", "json=r.json", "--report", "junit=j.xml"])
        #expect(result.exitCode == 1)
        let outputs = [
            result.standardOutput, result.standardError, try cli.read("r.json"), try cli.read("j.xml"),
            try cli.read(".wscenario/transcripts/scenarios/secret/captured-secret.jsonl"),
            try cli.read(".wscenario/transcripts/scenarios/secret/captured-secret.txt"),
        ]
        for text in outputs { #expect(!text.contains("CAPVAL-123")) }
        let events = try cli.events(".wscenario/transcripts/scenarios/secret/captured-secret.jsonl")
        let firstOut = events.first { $0["event"] as? String == "frame_out" && $0["opcode"] as? String == "text" }
        #expect(firstOut?["text"] as? String == #"{"other":"***"}"#)
    }

    @Test func continuationFramesOfBinaryMessagesAreBase64InBothDirections() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/frag.yaml",
            """
            name: fragments
            steps:
              - connect: ${server}/fragmented
              - expect_message: hello fragmented world
              - expect_message: { binary: { hex: "010203040506" } }
              - send: { binary: { hex: "414243444546" }, fragments: 2 }
              - expect_message: { binary: { hex: "414243444546" } }
            """)
        let result = try cli.run(["run", "--serve"])
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
        let continuations = try cli.events(".wscenario/transcripts/scenarios/frag/fragments.jsonl").filter {
            $0["opcode"] as? String == "continuation"
        }
        let shown = continuations.map { "\($0["event"] ?? "") \($0["text"] ?? "-") \($0["base64"] ?? "-")" }
        #expect(
            shown == [
                "frame_in fragmented  -", "frame_in world -", "frame_in - BAUG", "frame_out - REVG",
            ])
    }
}
