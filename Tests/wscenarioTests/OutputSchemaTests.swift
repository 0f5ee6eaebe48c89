import Foundation
import TestSupport
import Testing

/// Transcripts and JSON reports written by `wscenario run` validate against `schemas/` (checked with Python
/// `jsonschema` from the peers' environment).
@Suite("Output schemas")
struct OutputSchemaTests {
    static let validator = #"""
        import json, pathlib, sys
        from jsonschema import Draft202012Validator
        root = pathlib.Path(sys.argv[1])
        events = Draft202012Validator(json.load(open(sys.argv[2])))
        report = Draft202012Validator(json.load(open(sys.argv[3])))
        count = 0
        kinds = set()
        for path in sorted(root.rglob("*.jsonl")):
            for number, line in enumerate(path.read_text().splitlines(), 1):
                event = json.loads(line)
                kinds.add(event["event"])
                for error in events.iter_errors(event):
                    print(f"{path}:{number}: {error.message}")
                    sys.exit(1)
                count += 1
        for error in report.iter_errors(json.load(open(sys.argv[4]))):
            print(f"report: {error.message}")
            sys.exit(1)
        print(f"validated {count} events: {' '.join(sorted(kinds))}")
        """#

    @Test func transcriptsAndReportsMatchTheirSchemas() throws {
        guard peersInstalled() else { return }
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/all.yaml",
            """
            name: every event
            secrets: [token]
            vars: { token: abc123 }
            steps:
              - http: { method: POST, url: "${server_http}/login", json: { user: qa }, capture: { login: $.token } }
              - connect: { url: "${server}/echo", headers: { Authorization: "Bearer ${token}" } }
              - send: '{"id": 7}'
              - expect_message: { json: { id: 7 }, capture: { id: $.id } }
              - send: { binary: { hex: "00ff" } }
              - expect_message: { binary: { hex: "00ff" } }
              - ping: x
              - expect_pong: x
              - connect: { as: bad, url: "${server}/reject/500" }
              - expect_error: { on: bad, kind: handshake, status: 500 }
              - send_frame: { opcode: 3, payload: { hex: "c328" } }
              - expect_close: { code: 1002 }
            ---
            name: failing
            steps:
              - connect: ${server}/echo
              - expect_message: { text: nothing, within: 100ms }
              - send: skipped
            """)
        try cli.write("validate.py", OutputSchemaTests.validator)
        let run = try cli.run(["run", "--serve", "--report", "json=r.json"])
        #expect(run.exitCode == 1)
        let schemas = TestPaths.repositoryRoot.appendingPathComponent("schemas")
        let result = try ProcessRunner.run(
            TestPaths.peersPython,
            [
                cli.directory.appendingPathComponent("validate.py").path,
                cli.directory.appendingPathComponent(".wscenario/transcripts").path,
                schemas.appendingPathComponent("transcript-event.schema.json").path,
                schemas.appendingPathComponent("report.schema.json").path,
                cli.directory.appendingPathComponent("r.json").path,
            ], timeout: 60)
        #expect(result.exitCode == 0, "\(result.standardOutput)\(result.standardError)")
        for kind in [
            "capture", "close", "error", "frame_in", "frame_out", "handshake_request", "http_request",
            "http_response", "message_in", "step_end",
        ] {
            #expect(result.standardOutput.contains(kind), "\(result.standardOutput)")
        }
    }
}
