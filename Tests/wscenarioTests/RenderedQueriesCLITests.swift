import Foundation
import TestSupport
import Testing

/// Placeholders in JSONPath queries and in `hex:`/`base64:` bytes, against the built-in server: the values are
/// rendered when the step runs, and a string that is invalid once rendered fails its step saying so.
@Suite struct RenderedQueriesCLITests {
    @Test func jsonPathQueriesAndEncodedBytesTakePlaceholders() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/rendered.yaml",
            """
            name: rendered queries
            vars: { i: 1, who: bob, head: "00ff", tail: "10", b64: "AP8Q" }
            steps:
              - connect: ${server}/echo
              - send: { json: { items: [10, 20], users: [{ name: alice, id: 1 }, { name: bob, id: 2 }] } }
              - expect_message:
                  jsonpath: { "$.items[${i}]": 20, "$.users[?@.name == '${who}'].id": 2 }
                  capture: { second: "$.items[${i}]", bob: "$.users[?@.name == '${who}'].id" }
              - send: "got ${second} ${bob}"
              - expect_message: "got 20 2"
              - send: { binary: { hex: "${head}${tail}" } }
              - expect_message: { binary: { base64: "${b64}" } }
              - send_frame: { opcode: 2, payload: { base64: "${b64}" } }
              - expect_message: { binary: { prefix_hex: "${head}" } }
            ---
            name: bad rendered query
            vars: { bad: "[" }
            steps:
              - connect: ${server}/echo
              - send: { json: { a: 1 } }
              - expect_message: { jsonpath: { "$.a${bad}": 1 }, within: 200ms }
            ---
            name: bad rendered hex
            vars: { bad: "zz" }
            steps:
              - connect: ${server}/echo
              - send: { binary: { hex: "00${bad}" } }
            """)
        let check = try cli.run(["check"])
        #expect(check.exitCode == 0, "\(check.standardError)")
        #expect(!check.standardError.contains("warning"), "\(check.standardError)")
        let run = try cli.run(["run", "--serve", "--jobs", "1", "--report", "json=out/r.json"])
        #expect(run.exitCode == 1, "\(run.standardOutput)\n\(run.standardError)")
        let scenarios = try #require(try cli.json("out/r.json")["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["status"] as? String } == ["passed", "failed", "failed"], "\(run.standardOutput)")
        let messages = scenarios.map { ($0["failure"] as? [String: Any])?["message"] as? String ?? "" }
        #expect(messages[1].hasPrefix("the JSONPath $.a${bad} is $.a[ with its placeholders, which is not valid"))
        #expect(
            messages[2]
                == "hex \"00${bad}\" is \"00zz\" with its placeholders, which is not valid hex: write pairs of hex "
                + "digits such as \"00ff10\"")
    }
}
