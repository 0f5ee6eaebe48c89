import Foundation
import TestSupport
import Testing

/// Leftovers of the earlier QA passes found again in the eleventh (re-check) pass, through the built binary.
@Suite struct QARound11CLITests {
    /// A secret cut across the frames of a fragmented message from the server is masked in every `frame_in`
    /// (in .jsonl, .txt and `--verbose`), as it is for the client's fragmented sends.
    @Test func secretsInFragmentedServerMessagesAreMasked() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        // /fragmented sends "hello fragmented world" as "hello ", "fragmented ", "world".
        try cli.write(
            "scenarios/frag.yaml",
            """
            name: pieces
            vars: { s: "o fragmented w" }
            secrets: [s]
            steps:
              - connect: ${server}/fragmented
              - expect_message: { contains: orld }
            """)
        let run = try cli.run(["run", "--serve", "--verbose"])
        #expect(run.exitCode == 0, "\(run.standardOutput)")
        #expect(!run.standardOutput.contains("fragmented "), "leaked: \(run.standardOutput)")
        let texts = try cli.events(".wscenario/transcripts/scenarios/frag/pieces.jsonl")
            .filter { $0["event"] as? String == "frame_in" }
            .compactMap { $0["text"] as? String }
        #expect(Array(texts.prefix(3)) == ["hell***", "***", "***orld"], "\(texts)")
        let text = try cli.read(".wscenario/transcripts/scenarios/frag/pieces.txt")
        #expect(!text.contains("fragmented "), "leaked: \(text)")
    }

    /// A close during `expect_silence` is not silence: the step fails naming the close; a connection that had
    /// ended before the step stays silent.
    @Test func aCloseDuringExpectSilenceFailsTheStep() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/silence.yaml",
            """
            name: closed during the silence
            ignore:
              - json: { seq: !type number }
            steps:
              - connect: ${server}/stream?count=3&interval=100
              - expect_silence: 5s
            ---
            name: closed before the silence
            steps:
              - connect: ${server}/close/4001
              - expect_close: 4001
              - expect_silence: 100ms
            ---
            name: the answer to our own close is not a break of the silence
            steps:
              - connect: ${server}/echo
              - send_frame: { opcode: 8, payload: { hex: "03e8" } }
              - expect_silence: 300ms
            """)
        let run = try cli.run(["run", "--serve", "--report", "json=r.json"])
        #expect(run.exitCode == 1, "\(run.standardOutput)")
        #expect(
            run.standardOutput.contains("expected silence on default for 5s, but the connection ended after "),
            "\(run.standardOutput)")
        #expect(run.standardOutput.contains("stream complete"), "\(run.standardOutput)")
        let report = try #require(
            JSONSerialization.jsonObject(with: Data(try cli.read("r.json").utf8)) as? [String: Any])
        let statuses = (report["scenarios"] as? [[String: Any]] ?? []).map { "\($0["name"]!)=\($0["status"]!)" }
        #expect(
            statuses == [
                "closed during the silence=failed", "closed before the silence=passed",
                "the answer to our own close is not a break of the silence=passed",
            ], "\(statuses)")
    }

    /// `expect_close` after a violation wscenario failed the connection for names the violation and the code it
    /// sent, instead of claiming the connection had ended; `code: 1006` (or no code) still passes.
    @Test func expectCloseAfterAProtocolErrorNamesTheViolation() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/after.yaml",
            """
            name: expects the server's 1002
            steps:
              - connect: ${server}/misbehave/masked
              - expect_error: protocol
              - expect_close: 1002
            ---
            name: expects the drop
            steps:
              - connect: ${server}/misbehave/masked
              - expect_error: protocol
              - expect_close: 1006
            ---
            name: expects 1002 after a close frame that broke the protocol
            steps:
              - connect: ${server}/misbehave/bad-close-code
              - expect_error: protocol
              - expect_close: 1002
            """)
        let run = try cli.run(["run", "--serve"])
        #expect(run.exitCode == 1, "\(run.standardOutput)")
        #expect(
            run.standardOutput.contains(
                "expected close code 1002, got 1005; that close broke the protocol (invalid close code 1005), and "
                    + "wscenario answered with close 1002"), "\(run.standardOutput)")
        #expect(
            run.standardOutput.contains(
                "expected close code 1002 from the server, but wscenario failed the connection after a protocol "
                    + "error (server frame is masked) and sent close 1002"), "\(run.standardOutput)")
        #expect(!run.standardOutput.contains("ended without a close frame"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("1 passed, 2 failed"), "\(run.standardOutput)")
    }

    /// `run .` shows the files found as `a.yaml` and `sub/b.yaml`, not `./a.yaml` (console, transcript, report).
    @Test func filesFoundInTheCurrentDirectoryAreShownWithoutDotSlash() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("a.yaml", "name: a\nsteps:\n  - connect: ${server}/echo\n")
        try cli.write("sub/b.yaml", "name: b\nsteps:\n  - connect: ${server}/echo\n")
        let run = try cli.run(["run", "--serve", "--report", "json=r.json", "."])
        #expect(run.exitCode == 0, "\(run.standardOutput)")
        #expect(run.standardOutput.contains("(a.yaml,"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("(sub/b.yaml,"), "\(run.standardOutput)")
        #expect(!run.standardOutput.contains("./"), "\(run.standardOutput)")
        let start = try cli.events(".wscenario/transcripts/a/a.jsonl").first
        #expect(start?["file"] as? String == "a.yaml")
        #expect(!(try cli.read("r.json")).contains("./"))
    }

    /// `probe` prints the `> GET ...` request lines only when the request went out: not when TLS failed first
    /// (an untrusted certificate), and it still does once TLS is up (`--insecure`).
    @Test func probeShowsNoRequestWhenTLSNeverCompleted() throws {
        let directory = try TestPaths.makeTemporaryDirectory("probe-tls")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (server, certificate) = try BackgroundProcess.selfSignedServe(in: directory)
        defer { server.stop() }
        let url = try #require(server.announcedWord(after: "listening on"))
        let refused = try ProcessRunner.run(TestPaths.wscenarioBinary, ["probe", url + "/echo"], timeout: 30)
        #expect(refused.exitCode == 1)
        #expect(refused.standardError.contains("self-signed"), "\(refused.standardError)")
        #expect(!refused.standardOutput.contains("> GET"), "\(refused.standardOutput)")
        #expect(refused.standardError.contains("hint: --ca FILE trusts the server's CA"), "\(refused.standardError)")
        let trusting = try ProcessRunner.run(
            TestPaths.wscenarioBinary, ["probe", "--ca", certificate.certificatePath, url + "/echo"], timeout: 30)
        #expect(trusting.exitCode == 0, "\(trusting.standardError)")
        let insecure = try ProcessRunner.run(
            TestPaths.wscenarioBinary, ["probe", "--insecure", url + "/echo"], timeout: 30)
        #expect(insecure.exitCode == 0, "\(insecure.standardError)")
        #expect(insecure.standardOutput.contains("> GET /echo HTTP/1.1"), "\(insecure.standardOutput)")
    }

    /// A refusal body wscenario stopped reading (it reads 1 MiB of it) is marked in `handshake_response`:
    /// `truncated`, and `length` is the declared Content-Length; the body shown is cut after 64 KiB.
    @Test func aCutRefusalBodyIsMarkedTruncatedWithItsLength() throws {
        guard peersInstalled() else { return }
        let server = try RawWebSocketPeer.start(
            answer: #"b"HTTP/1.1 403 Forbidden\r\nContent-Length: 2000000\r\n\r\n" + b"x" * 2000000"#, drop: true)
        defer { server.stop() }
        let port = try #require(server.announcedWord().flatMap { Int($0) })
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/big.yaml",
            """
            name: big refusal
            steps:
              - connect: ws://127.0.0.1:\(port)/
              - expect_error: { kind: handshake, status: 403 }
            """)
        let run = try cli.run(["run"], timeout: 30)
        #expect(run.exitCode == 0, "\(run.standardOutput)")
        let response = try #require(
            try cli.events(".wscenario/transcripts/scenarios/big/big-refusal.jsonl")
                .first { $0["event"] as? String == "handshake_response" })
        #expect(response["status"] as? Int == 403)
        #expect(response["length"] as? Int == 2_000_000, "\(response.keys.sorted())")
        #expect(response["truncated"] as? Bool == true)
        #expect((response["body"] as? String)?.count == 65_536)
    }

    /// `expect_handshake: extensions` items may carry parameters: the answer must then have them (names alone
    /// still compare without case); check and run agree on the form.
    @Test func expectedExtensionsMayCarryParameters() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/ext.yaml",
            """
            name: params asked and answered
            steps:
              - connect: { url: "${server}/echo", extensions: ["permessage-deflate; server_no_context_takeover"] }
              - expect_handshake: { extensions: ["permessage-deflate; server_no_context_takeover"] }
            ---
            name: names only
            steps:
              - connect: { url: "${server}/echo", extensions: ["permessage-deflate; server_no_context_takeover"] }
              - expect_handshake: { extensions: [Permessage-Deflate] }
            ---
            name: param not answered
            steps:
              - connect: { url: "${server}/echo", extensions: [permessage-deflate] }
              - expect_handshake: { extensions: ["permessage-deflate; server_no_context_takeover"] }
            """)
        let check = try cli.run(["check"])
        #expect(check.exitCode == 0, "\(check.standardError)")
        let run = try cli.run(["run", "--serve"])
        #expect(run.exitCode == 1, "\(run.standardOutput)")
        #expect(run.standardOutput.contains("2 passed, 1 failed"), "\(run.standardOutput)")
        #expect(
            run.standardOutput.contains(
                "extensions: expected [permessage-deflate; server_no_context_takeover], got [permessage-deflate]"),
            "\(run.standardOutput)")
    }

    /// A run refused before it starts (a report path that cannot be written) leaves no transcripts directory
    /// (nor report folder) it created behind; an existing directory stays.
    @Test func aRefusedRunLeavesNoEmptyDirectories() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/s.yaml", "name: s\nsteps:\n  - connect: ${server}/echo\n")
        try cli.write("afile", "a file, not a folder\n")
        try cli.write("kept/old.txt", "already here\n")
        let refused = try cli.run([
            "run", "--serve", "--transcripts", "emptytr/deeper", "--report", "junit=newdir/j.xml", "--report",
            "json=afile/r.json",
        ])
        #expect(refused.exitCode == 2, "\(refused.standardError)")
        #expect(refused.standardError.contains("afile"), "\(refused.standardError)")
        #expect(!cli.exists("emptytr"))
        #expect(!cli.exists("newdir"))
        let kept = try cli.run(["run", "--serve", "--transcripts", "kept", "--report", "json=afile/r.json"])
        #expect(kept.exitCode == 2)
        #expect(cli.exists("kept/old.txt"))
    }

    /// After a close frame went out (here by `send_frame`) and the server has not answered, the connection is
    /// described as closing, not as open.
    @Test func aConnectionWaitingForTheCloseAnswerIsDescribedAsClosing() throws {
        guard peersInstalled() else { return }
        let server = try RawWebSocketPeer.start(answer: RawWebSocketPeer.upgrade)
        defer { server.stop() }
        let port = try #require(server.announcedWord().flatMap { Int($0) })
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/closing.yaml",
            """
            name: closing
            timeout: 1s
            steps:
              - connect: ws://127.0.0.1:\(port)/
              - send_frame: { opcode: 8, payload: { hex: "03e8" } }
              - expect_error: { kind: protocol, within: 200ms }
            """)
        let run = try cli.run(["run"], timeout: 30)
        #expect(run.exitCode == 1, "\(run.standardOutput)")
        #expect(
            run.standardOutput.contains(
                "but none happened: the connection is closing: wscenario sent a close frame, which the server has "
                    + "not answered"), "\(run.standardOutput)")
    }

    /// `tls:` with a ws:// URL from a variable is a warning of the run (check warns only about literal URLs).
    @Test func tlsOnAWsURLFromAVariableIsAWarning() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/plain.yaml",
            """
            name: plain with tls
            vars: { u: "${server}/echo" }
            steps:
              - connect: { url: "${u}", tls: { insecure: true } }
            """)
        let run = try cli.run(["run", "--serve", "--report", "json=r.json"])
        #expect(run.exitCode == 0, "\(run.standardOutput)")
        let expected = "tls has no effect on the ws:// URL 'ws://127.0.0.1:"
        #expect(run.standardOutput.contains(expected), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("(from ${u}): use wss:// (or drop tls:)"), "\(run.standardOutput)")
        #expect(try cli.read("r.json").contains(expected))
    }

    /// `probe`'s error line comes after the handshake lines when standard output and error share a pipe.
    @Test func probeWritesItsErrorAfterTheHandshakeLines() throws {
        let server = try BackgroundProcess(
            TestPaths.wscenarioBinary, ["serve", "--port", "0"], readyLine: "listening on ws://127.0.0.1:")
        defer { server.stop() }
        let url = try #require(server.announcedWord(after: "listening on"))
        let probe = try ProcessRunner.run(
            "/bin/sh", ["-c", "exec \"$0\" probe \"$1\" 2>&1", TestPaths.wscenarioBinary, url + "/reject/403"],
            timeout: 30)
        #expect(probe.exitCode == 1)
        let lines = probe.standardOutput.split(separator: "\n")
        let request = try #require(lines.firstIndex { $0.hasPrefix("> GET /reject/403") }, "\(probe.standardOutput)")
        let error = try #require(lines.firstIndex { $0.hasPrefix("error:") }, "\(probe.standardOutput)")
        #expect(request < error, "\(probe.standardOutput)")
    }

    /// `expect_message: { binary: { file: } }` expects a file's bytes, as `send` can send them.
    @Test func expectMessageTakesABinaryFile() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/blob.bin", "\u{1}\u{2}binary\u{0}")
        try cli.write("scenarios/other.bin", "something else")
        try cli.write(
            "scenarios/file.yaml",
            """
            name: same bytes
            steps:
              - connect: ${server}/echo
              - send: { binary: { file: blob.bin } }
              - expect_message: { binary: { file: blob.bin } }
            ---
            name: other bytes
            steps:
              - connect: ${server}/echo
              - send: { binary: { file: blob.bin } }
              - expect_message: { binary: { file: other.bin }, within: 200ms }
            """)
        let run = try cli.run(["run", "--serve"])
        #expect(run.exitCode == 1, "\(run.standardOutput)")
        #expect(run.standardOutput.contains("1 passed, 1 failed"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("✓ same bytes"), "\(run.standardOutput)")
    }
}
