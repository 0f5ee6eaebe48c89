import Foundation
import TestSupport
import Testing

/// Findings of the ninth QA pass (flows, inbox, the built-in server), through the built binary.
@Suite struct QARound9CLITests {
    /// `connect` checks what goes into its request line and headers, as `http` does: a line break (a value
    /// captured from a server could carry one) would inject headers, a space would break the request line.
    @Test func connectRefusesValuesThatWouldBreakItsRequest() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/inject.yaml",
            """
            name: header injection
            vars: { room: "a\\r\\nX-Injected: yes", token: "t\\nX-B: c" }
            steps:
              - connect: ${server}/chat/${room}
            ---
            name: space in the path
            vars: { room: "my room" }
            steps:
              - connect: ${server}/chat/${room}
            ---
            name: injected header value
            vars: { token: "t\\nX-B: c" }
            steps:
              - connect: { url: "${server}/echo", headers: { X-Token: "${token}" } }
            """)
        let run = try cli.run(["run", "--serve", "--report", "json=r.json"])
        #expect(run.exitCode == 1)
        let messages = try #require(try cli.json("r.json")["scenarios"] as? [[String: Any]]).map {
            ($0["failure"] as? [String: Any])?["message"] as? String ?? ""
        }
        #expect(messages.count == 3)
        #expect(messages[0].contains("its path or query contains a space or a line break (percent-encode it"))
        #expect(messages[1].contains("/chat/my room' (from ${server}, ${room}): its path or query contains a space"))
        #expect(messages[2] == "header X-Token: a header name or value cannot contain a line break or NUL")
        try cli.write(
            "literal/literal.yaml",
            #"""
            name: literal
            steps:
              - connect: { url: "ws://127.0.0.1:9/echo", headers: { X-A: "a\r\nX-B: c" }, origin: "o\nX", subprotocols: ["p\r"], extensions: ["x\ny"] }
            """#)
        let check = try cli.run(["check", "literal"])
        #expect(check.exitCode == 2)
        for what in ["header 'X-A'", "origin", "subprotocols", "extensions"] {
            #expect(
                check.standardError.contains("\(what) cannot contain a line break or NUL"), "\(check.standardError)")
        }
    }

    /// An included file's `vars:` are defaults: a value the caller already has (its `vars:`, `set:`) wins, the
    /// include's own `vars:` win, and an undefined name gets the default.
    @Test func includedDefaultsDoNotReplaceTheCallersValues() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "common/whoami.yaml", "vars: { user: guest, mood: calm }\nsteps:\n  - send: \"${user} ${mood}\"\n")
        try cli.write(
            "scenarios/defaults.yaml",
            """
            name: defaults
            vars: { user: alice }
            steps:
              - connect: ${server}/echo
              - include: ../common/whoami.yaml
              - expect_message: alice calm
              - set: { user: bob }
              - include: { file: ../common/whoami.yaml, vars: { mood: glad } }
              - expect_message: bob glad
            ---
            name: defaults apply to undefined names
            steps:
              - connect: ${server}/echo
              - include: ../common/whoami.yaml
              - expect_message: guest calm
            """)
        let run = try cli.run(["run", "--serve", "scenarios"])
        #expect(run.exitCode == 0, "\(run.standardOutput)")
    }
}
