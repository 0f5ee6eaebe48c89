import Foundation
import TestSupport
import Testing

/// Every endpoint through the product itself: `wscenario run --serve` with the project's own client.
@Suite struct ScenarioEndToEndTests {
    static let scenarios = """
        name: fragmented
        steps:
          - connect: ${server}/fragmented
          - expect_message: { text: hello fragmented world, ordered: true }
          - expect_message: { binary: { hex: "010203040506" }, ordered: true }
        ---
        name: ping pong
        steps:
          - connect: ${server}/ping
          - expect_message: pong received
        ---
        name: frame with 101
        steps:
          - connect: ${server}/misbehave/frame-with-101
          - expect_message: early
          - send: after
          - expect_message: after
        ---
        name: bad accept
        steps:
          - connect: ${server}/misbehave/bad-accept
          - expect_error: handshake
        ---
        name: drop
        steps:
          - connect: ${server}/misbehave/drop
          - expect_error: closed
        ---
        name: rsv1
        steps:
          - connect: ${server}/misbehave/rsv1
          - expect_error: protocol
        ---
        name: bad utf8
        steps:
          - connect: ${server}/misbehave/bad-utf8
          - expect_error: protocol
        ---
        name: big control
        steps:
          - connect: ${server}/misbehave/big-control
          - expect_error: protocol
        ---
        name: reserved opcode
        steps:
          - connect: ${server}/misbehave/reserved-opcode
          - expect_error: protocol
        ---
        name: bad close code
        steps:
          - connect: ${server}/misbehave/bad-close-code
          - expect_error: protocol
        ---
        name: close 4001
        steps:
          - connect: ${server}/close/4001
          - expect_close: { code: 4001, reason: /closing with 4001/ }
        ---
        name: reject 403
        steps:
          - connect: ${server}/reject/403
          - expect_error: { kind: handshake, status: 403, headers: { X-Reject-Reason: requested }, body: rejected with 403 }
        ---
        name: reject as handshake
        steps:
          - connect: ${server}/reject/503
          - expect_handshake: 503
        ---
        name: slow
        steps:
          - connect: ${server}/slow?delay=200
          - send: hi
          - expect_message: hi
        ---
        name: slow timeout
        steps:
          - connect: { url: "${server}/slow?delay=2s", timeout: 300ms }
          - expect_error: timeout
        ---
        name: silent
        steps:
          - connect: ${server}/silent
          - ping: x
          - expect_silence: { for: 300ms }
          - close
        ---
        name: subprotocols select
        steps:
          - connect: { url: "${server}/subprotocols?select=zzz", subprotocols: [a] }
          - expect_error: handshake
        ---
        name: subprotocols supported
        steps:
          - connect: { url: "${server}/subprotocols?supported=b,a", subprotocols: [a, b] }
          - expect_handshake: { subprotocol: a }
        ---
        name: echo close
        steps:
          - connect: ${server}/echo
          - send: { text: big, fragments: 3 }
          - expect_message: big
          - ping: beat
          - expect_pong: beat
          - close: { code: 1000, reason: bye }
        ---
        name: unknown 404
        steps:
          - connect: ${server}/nope
          - expect_error: { kind: handshake, status: 404, body: /echo/ }
        """

    private func run(_ yaml: String) throws -> ProcessResult {
        let directory = try TestPaths.makeTemporaryDirectory("server-scenarios")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("server.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let transcripts = directory.appendingPathComponent("transcripts").path
        return try ProcessRunner.run(
            TestPaths.wscenarioBinary, ["run", "--serve", file.path, "--transcripts", transcripts], timeout: 120)
    }

    @Test func everyEndpointBehavesAsDocumented() throws {
        let result = try run(Self.scenarios)
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
        #expect(result.standardOutput.contains("20 passed, 0 failed"), "\(result.standardOutput)")
    }

    @Test func theExamplesInDocsServerMdPass() throws {
        let docs = try String(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent("docs/server.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in docs.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```yaml" {
                current = []
            } else if line == "```", let lines = current {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        try #require(!blocks.isEmpty)
        let result = try run(blocks.joined(separator: "\n---\n"))
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
        #expect(result.standardOutput.contains(" passed, 0 failed"), "\(result.standardOutput)")
    }

    @Test func aWrongExpectationFails() throws {
        let result = try run(
            """
            name: echo is not reversed
            steps:
              - connect: ${server}/echo
              - send: abc
              - expect_message: { text: cba, within: 200ms }
            """)
        #expect(result.exitCode == 1)
    }
}
