import Foundation
import TestSupport
import Testing

/// End-to-end: `wscenario run` against an independent server (Python `websockets`).
@Suite("wscenario run against Python websockets", .serialized)
struct PeerRunTests {
    @Test func scenariosPassAgainstAnIndependentServer() throws {
        guard let peer = try PythonPeer.startIfInstalled() else { return }
        defer { peer.stop() }
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/peer.yaml",
            """
            name: greet and capture
            inbox: strict
            steps:
              - connect: ${server}/greet
              - expect_message: { json: { type: welcome, id: !type integer }, capture: { id: $.id } }
              - send: "ack ${id}"
              - expect_message: { regex: "^ack \\\\d+$", capture_regex: { n: "ack (\\\\d+)" } }
              - send: { json: { n: "${n}", id: "${id}" } }
              - expect_message: { json_exact: { n: "42", id: 42 } }
              - send: { binary: { base64: "AAEC" } }
              - expect_message: { binary: { hex: "000102" } }
              - close
            ---
            name: room of two
            steps:
              - connect: { as: a, url: "${server}/chat/r1" }
              - connect: { as: b, url: "${server}/chat/r1" }
              - send: { on: a, text: "from a" }
              - expect_message: { on: b, text: "from a" }
              - expect_message: { on: a, text: "from a" }
              - expect_silence: { on: b, for: 200ms }
            ---
            name: server closes
            steps:
              - connect: ${server}/close
              - expect_close: { code: 4001, reason: "bye now" }
            """)
        let result = try cli.run(["run", "--var", "server=\(peer.url)", "--jobs", "3", "--report", "junit=j.xml"])
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
        #expect(result.standardOutput.contains("3 passed, 0 failed"))
    }

    @Test func failureAgainstAnIndependentServerNamesTheStep() throws {
        guard let peer = try PythonPeer.startIfInstalled() else { return }
        defer { peer.stop() }
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "t.yaml",
            """
            name: wrong close code
            steps:
              - connect: ${server}/close
              - expect_close: { code: 1000, within: 2s }
            """)
        let result = try cli.run(["run", "--var", "server=\(peer.url)", "t.yaml"])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("expected close code 1000, got 4001"))
        #expect(result.standardOutput.contains("t.yaml:4"))
    }
}
