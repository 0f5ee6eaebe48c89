import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT/SIGTERM during `wscenario run`, with the built binary: every wait stops at once, and transcripts and
/// reports are still written.
@Suite struct SignalTests {
    /// Runs `wscenario ARGUMENTS` in `cli`, waits (bounded) until `transcript` contains `marker`, sends `signals`
    /// at once, and returns the exit status (nil, with an issue, when the run does not end).
    func interrupt(
        _ cli: CLIHarness, _ arguments: [String], transcript: String, marker: String, signals: [Int32]
    ) throws -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.wscenarioBinary)
        process.arguments = arguments
        process.currentDirectoryURL = cli.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var reached = false
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && !reached {
            reached = ((try? cli.read(transcript)) ?? "").contains(marker)
            if !reached { usleep(50_000) }
        }
        #expect(reached, "the transcript never showed \(marker)")
        for signal in signals { kill(process.processIdentifier, signal) }
        let exitDeadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < exitDeadline { usleep(20_000) }
        guard !process.isRunning else {
            Issue.record("still running after the signal")
            return nil
        }
        return process.terminationStatus
    }

    @Test func sigintFinishesTranscriptsAndReportsAndExits130() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/slow.yaml",
            """
            name: slow one
            steps:
              - connect: ${server}/echo
              - send: before
              - expect_message: before
              - wait: 30s
              - send: after
            """)
        let transcript = ".wscenario/transcripts/scenarios/slow/slow-one.jsonl"
        let status = try interrupt(
            cli, ["run", "--serve", "--report", "json=r.json", "--report", "junit=j.xml"], transcript: transcript,
            marker: #""kind":"wait""#, signals: [SIGINT])
        #expect(status == 130)
        let events = try cli.events(transcript)
        #expect(events.last?["event"] as? String == "scenario_end")
        #expect(events.last?["status"] as? String == "interrupted")
        let scenario = (try cli.json("r.json")["scenarios"] as? [[String: Any]])?.first
        #expect(scenario?["status"] as? String == "interrupted")
        #expect(try cli.read("j.xml").contains("interrupted"))
    }

    @Test func aSignalSentTwiceAtOnceStillWritesReports() throws {
        // `timeout` and CI runners signal the process and its process group: one stop request, two signals.
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/slow.yaml", "name: slow\nsteps:\n  - connect: ${server}/echo\n  - wait: 30s\n")
        let transcript = ".wscenario/transcripts/scenarios/slow/slow.jsonl"
        let status = try interrupt(
            cli, ["run", "--serve", "--report", "json=r.json"], transcript: transcript, marker: #""kind":"wait""#,
            signals: [SIGTERM, SIGTERM])
        #expect(status == 143)
        let scenario = (try cli.json("r.json")["scenarios"] as? [[String: Any]])?.first
        #expect(scenario?["status"] as? String == "interrupted")
        #expect(try cli.events(transcript).last?["event"] as? String == "scenario_end")
    }

    @Test func sigintStopsAConnectThatWaitsForItsHandshake() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        // /slow answers the upgrade after 8 s: without the interruption reaching the connect, the handshake
        // would complete (no error event) and only then would the run stop.
        try cli.write(
            "scenarios/slow.yaml",
            "name: slow handshake\nsteps:\n  - connect: { url: \"${server}/slow?delay=8000\", timeout: 10s }\n")
        let transcript = ".wscenario/transcripts/scenarios/slow/slow-handshake.jsonl"
        let status = try interrupt(
            cli, ["run", "--serve"], transcript: transcript, marker: "handshake_request", signals: [SIGINT])
        #expect(status == 130)
        let events = try cli.events(transcript)
        let error = events.first { $0["event"] as? String == "error" }
        #expect(error?["message"] as? String == "interrupted before the opening handshake completed")
        #expect(!events.contains { $0["event"] as? String == "handshake_response" })
        #expect(events.last?["status"] as? String == "interrupted")
    }

    @Test func sigintStopsAnHTTPStepThatWaitsForItsAnswer() throws {
        guard peersInstalled() else { return }
        // A TCP server that accepts and never answers.
        let silent = try BackgroundProcess.silentTCPServer()
        defer { silent.stop() }
        let port = try #require(silent.announcedWord().flatMap { Int($0) })
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/http.yaml",
            "name: silent api\nsteps:\n  - http: { url: \"http://127.0.0.1:\(port)/login\", within: 30s }\n")
        let transcript = ".wscenario/transcripts/scenarios/http/silent-api.jsonl"
        let status = try interrupt(cli, ["run"], transcript: transcript, marker: "http_request", signals: [SIGINT])
        #expect(status == 130)
        let events = try cli.events(transcript)
        let error = events.first { $0["event"] as? String == "error" }
        // Without the interruption reaching the request, the 30 s deadline would end it as a timeout.
        #expect(error?["message"] as? String == "interrupted before the HTTP response arrived")
        #expect(events.last?["status"] as? String == "interrupted")
    }
}
