import Foundation
import TestSupport
import Testing

/// Findings of the tenth QA pass (TLS, compression, limits), through the built binary.
@Suite struct QARound10CLITests {
    /// A `wss://` server that never finishes TLS: the opening handshake is never sent, so the transcript does not
    /// claim it was, and the timeout names the TLS handshake.
    @Test func aHungTLSHandshakeIsATimeoutWithoutARequest() throws {
        guard peersInstalled() else { return }
        let silent = try BackgroundProcess.silentTCPServer()
        defer { silent.stop() }
        let port = try #require(silent.announcedWord().flatMap { Int($0) })
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/tls.yaml",
            """
            name: hung tls
            steps:
              - connect: { url: "wss://127.0.0.1:\(port)/echo", timeout: 500ms }
              - expect_error: { kind: timeout, message: /TLS handshake with 127.0.0.1:\(port) did not complete/ }
            """)
        let run = try cli.run(["run"], timeout: 30)
        #expect(run.exitCode == 0, "\(run.standardOutput)")
        let events = try cli.events(".wscenario/transcripts/scenarios/tls/hung-tls.jsonl")
        #expect(!events.contains { $0["event"] as? String == "handshake_request" }, "nothing was sent")
    }

    /// `probe` refuses a URL that is not ws:// or wss:// as invalid usage, and masks credentials as transcripts do.
    @Test func probeValidatesItsURLAndMasksCredentials() throws {
        let invalid = try ProcessRunner.run(TestPaths.wscenarioBinary, ["probe", "http://127.0.0.1:1/"], timeout: 30)
        #expect(invalid.exitCode == 2)
        #expect(
            invalid.standardError.contains(
                "URL must be ws://HOST[:PORT][/PATH] or wss://..., got 'http://127.0.0.1:1/'"))
        let server = try BackgroundProcess(
            TestPaths.wscenarioBinary, ["serve", "--port", "0"], readyLine: "listening on ws://127.0.0.1:")
        defer { server.stop() }
        let url = try #require(server.announcedWord(after: "listening on"))
        let probe = try ProcessRunner.run(
            TestPaths.wscenarioBinary, ["probe", "--header", "Authorization: Bearer secret-token", url + "/auth"],
            timeout: 30)
        #expect(probe.exitCode == 0, "\(probe.standardError)")
        #expect(probe.standardOutput.contains("> Authorization: ***"), "\(probe.standardOutput)")
        #expect(!probe.standardOutput.contains("secret-token"))
        // A server that breaks the protocol is named as such, not as a mere 1006.
        let masked = try ProcessRunner.run(
            TestPaths.wscenarioBinary, ["probe", url + "/misbehave/masked"], timeout: 30)
        #expect(masked.exitCode == 1)
        #expect(
            masked.standardError.contains(
                "error: the server broke the WebSocket protocol (server frame is masked); the connection was failed "
                    + "with 1002"), "\(masked.standardError)")
    }

    /// `serve` with an unusable certificate or key names the file and the problem, as invalid usage.
    @Test func serveNamesAnUnusableCertificate() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("bad.pem", "not a certificate\n")
        let path = cli.directory.appendingPathComponent("bad.pem").path
        let result = try ProcessRunner.run(
            TestPaths.wscenarioBinary, ["serve", "--port", "0", "--tls-cert", path, "--tls-key", path], timeout: 30)
        #expect(result.exitCode == 2)
        #expect(
            result.standardError.contains("error: cannot serve: the TLS certificate \(path) cannot be used"),
            "\(result.standardError)")
        #expect(!result.standardError.contains("failedToLoad"))
    }

    /// A secret cut across the frames of a fragmented send is masked in every frame (and in `--verbose`).
    @Test func secretsInFragmentedSendsAreMasked() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/frag.yaml",
            """
            name: fragments
            vars: { pw: hunter2hunter2 }
            secrets: [pw]
            steps:
              - connect: ${server}/echo
              - send: { text: "pw=${pw} end", fragments: 3 }
              - expect_message: { contains: end }
            """)
        let run = try cli.run(["run", "--serve", "--verbose"])
        #expect(run.exitCode == 0, "\(run.standardOutput)")
        for fragment in ["hunt", "er2", "hunter2"] {
            #expect(!run.standardOutput.contains(fragment), "\(fragment) leaked: \(run.standardOutput)")
        }
        let texts = try cli.events(".wscenario/transcripts/scenarios/frag/fragments.jsonl")
            .filter { $0["event"] as? String == "frame_out" && ($0["opcode"] as? String) != "close" }
            .compactMap { $0["text"] as? String }
        #expect(texts.joined().hasPrefix("pw=***") && texts.joined().hasSuffix("*** end"), "\(texts)")
        #expect(!texts.joined().contains("hunt"))
    }

    /// `--quiet` counts the check-time warnings instead of printing each one.
    @Test func quietCountsWarnings() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/w.yaml",
            "name: w\nsteps:\n  - connect: ${server}/echo\n  - send: '{\"x\":1}'\n  - expect_message: { text: '{\"x\":1}', capture: { a: $.x } }\n"
        )
        let quiet = try cli.run(["run", "--serve", "--quiet"])
        #expect(quiet.exitCode == 0, "\(quiet.standardOutput)")
        #expect(!quiet.standardError.contains("warning:"), "\(quiet.standardError)")
        #expect(quiet.standardError.contains("2 warnings about the scenario files (wscenario check shows them)"))
        let loud = try cli.run(["run", "--serve"])
        #expect(loud.standardError.components(separatedBy: "warning:").count == 3, "\(loud.standardError)")
    }

    /// Backpressure: sending to a server that does not read fails the send after the scenario's timeout, naming
    /// the stalled consumer, instead of piling the data up in memory without end.
    @Test func sendingToAServerThatDoesNotReadFailsInTime() throws {
        guard peersInstalled() else { return }
        let server = try RawWebSocketPeer.start(answer: RawWebSocketPeer.upgrade, reads: false)
        defer { server.stop() }
        let port = try #require(server.announcedWord().flatMap { Int($0) })
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("payload.bin", String(repeating: "x", count: 4 << 20))
        try cli.write(
            "scenarios/flood.yaml",
            """
            name: flood
            timeout: 500ms
            steps:
              - connect: ws://127.0.0.1:\(port)/
              - repeat:
                  times: 50
                  steps:
                    - send: { binary: { file: ../payload.bin } }
            """)
        let run = try cli.run(["run", "--no-transcripts"], timeout: 60)
        #expect(run.exitCode == 1)
        #expect(
            run.standardOutput.contains(
                "the server is not reading on default: what was sent is still waiting to be written after 500ms"),
            "\(run.standardOutput)")
    }

    /// A reader that goes away (`| head -1`) does not crash the run: it finishes, exits with its verdict and writes
    /// its reports.
    @Test func aClosedOutputPipeDoesNotStopTheRun() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        for index in 0..<6 {
            try cli.write(
                "scenarios/s\(index).yaml",
                "name: s\(index)\nsteps:\n  - connect: ${server}/echo\n  - send: hi\n  - expect_message: hi\n")
        }
        let command =
            "set -o pipefail; '\(TestPaths.wscenarioBinary)' run --serve --jobs 1 --verbose --report json=r.json | head -1"
        let result = try ProcessRunner.run(
            "/bin/bash", ["-c", command], currentDirectory: cli.directory.path, timeout: 60)
        #expect(result.exitCode == 0, "\(result.standardError)")
        let summary = try #require(try cli.json("r.json")["summary"] as? [String: Any])
        #expect(summary["passed"] as? Int == 6)
    }

    /// Subprotocol and extension offers take placeholders like every other string; check finds undefined ones.
    @Test func subprotocolAndExtensionOffersAreInterpolated() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/offers.yaml",
            """
            name: offers
            vars: { proto: chat.v2, ext: permessage-deflate }
            steps:
              - connect: { url: "${server}/chat/offers-${uuid}", subprotocols: ["${proto}"], extensions: ["${ext}"] }
              - expect_handshake: { subprotocol: chat.v2, extensions: [permessage-deflate] }
            """)
        let run = try cli.run(["run", "--serve"])
        #expect(run.exitCode == 0, "\(run.standardOutput)")
        try cli.write(
            "other/undefined.yaml",
            "name: u\nsteps:\n  - connect: { url: \"ws://127.0.0.1:9/\", extensions: [\"${nope}\"] }\n")
        let check = try cli.run(["check", "other"])
        #expect(
            check.exitCode == 2 && check.standardError.contains("undefined variable 'nope'"), "\(check.standardError)")
    }
}
