import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT/SIGTERM during `wscenario run`, with the built binary: transcripts and reports are still written.
@Suite struct SignalTests {
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.wscenarioBinary)
        process.arguments = ["run", "--serve", "--report", "json=r.json", "--report", "junit=j.xml"]
        process.currentDirectoryURL = cli.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let transcript = ".wscenario/transcripts/scenarios/slow/slow-one.jsonl"
        var started = false
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && !started {
            started = ((try? cli.read(transcript)) ?? "").contains(#""kind":"wait""#)
            if !started { usleep(50_000) }
        }
        #expect(started)
        kill(process.processIdentifier, SIGINT)
        let exitDeadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < exitDeadline { usleep(20_000) }
        #expect(!process.isRunning)
        guard !process.isRunning else { return }
        #expect(process.terminationStatus == 130)
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.wscenarioBinary)
        process.arguments = ["run", "--serve", "--report", "json=r.json"]
        process.currentDirectoryURL = cli.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let transcript = ".wscenario/transcripts/scenarios/slow/slow.jsonl"
        var waiting = false
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && !waiting {
            waiting = ((try? cli.read(transcript)) ?? "").contains(#""kind":"wait""#)
            if !waiting { usleep(50_000) }
        }
        #expect(waiting)
        kill(process.processIdentifier, SIGTERM)
        kill(process.processIdentifier, SIGTERM)
        let exitDeadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < exitDeadline { usleep(20_000) }
        guard !process.isRunning else {
            Issue.record("still running after SIGTERM")
            return
        }
        #expect(process.terminationStatus == 143)
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.wscenarioBinary)
        process.arguments = ["run", "--serve"]
        process.currentDirectoryURL = cli.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let transcript = ".wscenario/transcripts/scenarios/slow/slow-handshake.jsonl"
        var requested = false
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && !requested {
            requested = ((try? cli.read(transcript)) ?? "").contains("handshake_request")
            if !requested { usleep(50_000) }
        }
        #expect(requested)
        kill(process.processIdentifier, SIGINT)
        let exitDeadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < exitDeadline { usleep(20_000) }
        guard !process.isRunning else {
            Issue.record("still running after SIGINT")
            return
        }
        #expect(process.terminationStatus == 130)
        let events = try cli.events(transcript)
        let error = events.first { $0["event"] as? String == "error" }
        #expect(error?["message"] as? String == "interrupted before the opening handshake completed")
        #expect(!events.contains { $0["event"] as? String == "handshake_response" })
        #expect(events.last?["status"] as? String == "interrupted")
    }

    @Test func sigintStopsAnHTTPStepThatWaitsForItsAnswer() throws {
        guard FileManager.default.isExecutableFile(atPath: TestPaths.peersPython) else {
            Issue.record("peers venv missing: run scripts/setup-peers")
            return
        }
        // A TCP server that accepts and never answers.
        let silent = try BackgroundProcess.pythonPeer(
            """
            import socket, time
            s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
            print("listening", s.getsockname()[1], flush=True)
            connections = []
            while True:
                connection, _ = s.accept(); connections.append(connection)
            """)
        defer { silent.stop() }
        let port = try #require(silent.announcedWord().flatMap { Int($0) })
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/http.yaml",
            "name: silent api\nsteps:\n  - http: { url: \"http://127.0.0.1:\(port)/login\", within: 30s }\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.wscenarioBinary)
        process.arguments = ["run"]
        process.currentDirectoryURL = cli.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let transcript = ".wscenario/transcripts/scenarios/http/silent-api.jsonl"
        var requested = false
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && !requested {
            requested = ((try? cli.read(transcript)) ?? "").contains("http_request")
            if !requested { usleep(50_000) }
        }
        #expect(requested)
        kill(process.processIdentifier, SIGINT)
        let exitDeadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < exitDeadline { usleep(20_000) }
        guard !process.isRunning else {
            Issue.record("still running after SIGINT")
            return
        }
        #expect(process.terminationStatus == 130)
        let events = try cli.events(transcript)
        let error = events.first { $0["event"] as? String == "error" }
        // Without the interruption reaching the request, the 30 s deadline would end it as a timeout.
        #expect(error?["message"] as? String == "interrupted before the HTTP response arrived")
        #expect(events.last?["status"] as? String == "interrupted")
    }
}
