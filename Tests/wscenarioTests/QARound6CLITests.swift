import Foundation
import TestSupport
import Testing

/// Findings of the sixth QA pass (protocol exactness), through the built binary against scripted Python servers
/// on 127.0.0.1.
@Suite struct QARound6CLITests {
    func run(_ scenario: String, against server: BackgroundProcess) throws -> (ProcessResult, CLIHarness) {
        let port = try #require(server.announcedWord().flatMap { Int($0) })
        let cli = try CLIHarness()
        try cli.write("scenarios/s.yaml", scenario.replacingOccurrences(of: "PORT", with: String(port)))
        return (try cli.run(["run", "--report", "json=r.json"], timeout: 30), cli)
    }

    /// A violation while the connection is closed at the end of the scenario is outside the verdict, but not silent.
    @Test func aViolationDuringTheFinalCloseIsAWarning() throws {
        guard peersInstalled() else { return }
        let server = try RawWebSocketPeer.start(
            answer: RawWebSocketPeer.upgrade, afterClose: "bytes([0x81, 0x81, 1, 2, 3, 4, 0x61 ^ 1])")
        defer { server.stop() }
        let (run, cli) = try run(
            "name: final\nsteps:\n  - connect: ws://127.0.0.1:PORT/\n  - wait: 10ms\n", against: server)
        defer { cli.cleanUp() }
        #expect(run.exitCode == 0, "\(run.standardOutput)")
        #expect(
            run.standardOutput.contains(
                "connection default: the server broke the protocol while the connection was closed at the end of the "
                    + "scenario: server frame is masked"), "\(run.standardOutput)")
        let scenario = try #require((try cli.json("r.json")["scenarios"] as? [[String: Any]])?.first)
        #expect((scenario["warnings"] as? [String])?.count == 1)
    }

    /// A refusal whose head arrived but whose body never completes is a refusal with its status, not a timeout.
    @Test func aRefusalWithAnUnfinishedBodyKeepsItsStatus() throws {
        guard peersInstalled() else { return }
        let server = try RawWebSocketPeer.start(
            answer: #"b"HTTP/1.1 403 Forbidden\r\nContent-Length: 100\r\nX-Why: nope\r\n\r\npartial""#)
        defer { server.stop() }
        let (run, cli) = try run(
            """
            name: refused
            steps:
              - connect: { url: "ws://127.0.0.1:PORT/", timeout: 300ms }
              - expect_error: { kind: handshake, status: 403, headers: { X-Why: nope }, body: /partial/ }
            """, against: server)
        defer { cli.cleanUp() }
        #expect(run.exitCode == 0, "\(run.standardOutput)")
        let events = try cli.events(".wscenario/transcripts/scenarios/s/refused.jsonl")
        let error = try #require(events.first { $0["event"] as? String == "error" })
        #expect(
            error["message"] as? String
                == "server refused the upgrade: 403 Forbidden (its body did not arrive in full within 300ms)")
    }

    /// A drop nobody asserted is a warning; a drop in the middle of a frame says so; a 3xx says it is a redirect.
    @Test func dropsAndRedirectsAreDescribed() throws {
        guard peersInstalled() else { return }
        let dropping = try RawWebSocketPeer.start(
            answer: RawWebSocketPeer.upgrade + " + bytes([0x81, 0x0A]) + b'half'", drop: true)
        defer { dropping.stop() }
        let (unasserted, cli) = try run(
            "name: drop\nsteps:\n  - connect: ws://127.0.0.1:PORT/\n  - wait: 200ms\n", against: dropping)
        defer { cli.cleanUp() }
        #expect(unasserted.exitCode == 0)
        #expect(
            unasserted.standardOutput.contains(
                "connection default: connection closed without a close handshake (1006), in the middle of a frame "
                    + "(6 bytes of it had arrived), and no step expected it"), "\(unasserted.standardOutput)")
        let redirecting = try RawWebSocketPeer.start(
            answer: #"b"HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n""#)
        defer { redirecting.stop() }
        let (refused, cli2) = try run(
            "name: redirect\nsteps:\n  - connect: ws://127.0.0.1:PORT/\n  - expect_error: { kind: handshake, status: 302 }\n",
            against: redirecting)
        defer { cli2.cleanUp() }
        #expect(refused.exitCode == 0, "\(refused.standardOutput)")
        let error = try cli2.events(".wscenario/transcripts/scenarios/s/redirect.jsonl").first {
            $0["event"] as? String == "error"
        }
        #expect(
            error?["message"] as? String
                == "server refused the upgrade: 302 Found, a redirect to /elsewhere (not followed)")
    }
}
