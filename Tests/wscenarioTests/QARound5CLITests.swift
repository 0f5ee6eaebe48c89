import Foundation
import TestSupport
import Testing

/// Findings of the fifth QA pass (outputs and command line), each checked through the built binary.
@Suite struct QARound5CLITests {
    /// A `vars:` entry may use a variable that only the command line defines (`--serve`, `--var`, `--vars`).
    @Test func varsEntriesUseCommandLineVariables() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/vars.yaml",
            """
            name: url from the command line
            vars:
              url: "${server}/echo"
              greeting: "hello ${who}"
            steps:
              - connect: ${url}
              - send: ${greeting}
              - expect_message: hello qa
            """)
        try cli.write("who.vars.yaml", "who: qa\n")
        let run = try cli.run(["run", "--serve", "--vars", "who.vars.yaml"])
        #expect(run.exitCode == 0, "\(run.standardOutput)\n\(run.standardError)")
        let withVar = try cli.run(["run", "--serve", "--var", "who=qa"])
        #expect(withVar.exitCode == 0, "\(withVar.standardOutput)\n\(withVar.standardError)")
    }

    /// Scenarios whose names slug alike keep their transcript paths whatever `--shard`/`--tag` selects, so two
    /// shards writing to one directory never overwrite each other.
    @Test func transcriptPathsDoNotDependOnTheSelection() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/alike.yaml",
            """
            name: Same Name
            tags: [one]
            steps:
              - connect: ${server}/echo
            ---
            name: same name
            tags: [two]
            steps:
              - connect: ${server}/echo
            """)
        for shard in ["1/2", "2/2"] {
            let run = try cli.run(["run", "--serve", "--shard", shard, "--report", "json=out/\(shard.first!).json"])
            #expect(run.exitCode == 0, "\(run.standardError)")
        }
        let first = try cli.json("out/1.json")["scenarios"] as? [[String: Any]]
        let second = try cli.json("out/2.json")["scenarios"] as? [[String: Any]]
        #expect(first?.first?["transcript"] as? String == ".wscenario/transcripts/scenarios/alike/same-name.jsonl")
        #expect(second?.first?["transcript"] as? String == ".wscenario/transcripts/scenarios/alike/same-name-2.jsonl")
        let tagged = try cli.run(["run", "--serve", "--tag", "two", "--report", "json=out/tag.json"])
        #expect(tagged.exitCode == 0)
        let third = try cli.json("out/tag.json")["scenarios"] as? [[String: Any]]
        #expect(third?.first?["transcript"] as? String == ".wscenario/transcripts/scenarios/alike/same-name-2.jsonl")
    }

    /// A symbolic link back up a scenario directory is not followed round and round: each file runs once.
    @Test func symbolicLinkLoopsInDirectoriesAreFollowedOnce() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/inner/one.yaml", "name: one\nsteps:\n  - connect: ${server}/echo\n")
        let manager = FileManager.default
        let inner = cli.directory.appendingPathComponent("scenarios/inner")
        try manager.createSymbolicLink(atPath: inner.appendingPathComponent("up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: inner.appendingPathComponent("self").path, withDestinationPath: ".")
        let list = try cli.run(["list"], timeout: 30)
        #expect(list.exitCode == 0)
        #expect(list.standardOutput == "scenarios/inner/one.yaml\tone\t\n", "\(list.standardOutput)")
        let run = try cli.run(["run", "--serve"], timeout: 30)
        #expect(run.exitCode == 0 && run.standardOutput.contains("1 passed"), "\(run.standardOutput)")
    }

    /// After a protocol error the connection is failed; when the scenario ends before the server closes TCP,
    /// the connection is dropped and its `close` event is still recorded.
    @Test func aFailedConnectionGetsItsCloseEventAtTheEnd() throws {
        guard peersInstalled() else { return }
        // Upgrades, sends a close frame whose reason is invalid UTF-8, then keeps TCP open and never answers.
        let server = try RawWebSocketPeer.start(
            answer: RawWebSocketPeer.upgrade + " + bytes([0x88, 4, 0x03, 0xE8, 0xC3, 0x28])")
        defer { server.stop() }
        let port = try #require(server.announcedWord().flatMap { Int($0) })
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/bad.yaml",
            "name: bad reason\nsteps:\n  - connect: ws://127.0.0.1:\(port)/\n  - expect_error: protocol\n")
        let run = try cli.run(["run"], timeout: 30)
        #expect(run.exitCode == 0, "\(run.standardOutput)\n\(run.standardError)")
        let events = try cli.events(".wscenario/transcripts/scenarios/bad/bad-reason.jsonl")
        let kinds = events.compactMap { $0["event"] as? String }
        let close = try #require(events.first { $0["event"] as? String == "close" }, "\(kinds)")
        #expect(close["code"] as? Int == 1006 && close["by"] as? String == "client")
        #expect(kinds.firstIndex(of: "close")! < kinds.firstIndex(of: "scenario_end")!)
    }

    /// Usage mistakes that used to pass silently are refused with exit status 2 and say what to do.
    @Test func ambiguousUsageIsRefused() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/a.yaml", "name: a\nsteps:\n  - connect: ${server}/echo\n")
        try cli.write("bad.vars.yaml", "a b: 1\n")
        let cases: [([String], String)] = [
            (["run", "--serve", "--shard", "1/2", "--shard", "2/2"], "error: --shard given 2 times (1/2, 2/2)"),
            (["run", "--serve", "--shard", "-1/3"], "error: --shard must be I/N with 1 <= I <= N, got -1/3"),
            (["run", "--serve", "--report", "junit=r.xml", "--report", "json=./r.xml"], "write the same file"),
            (["run", "--serve", "--transcripts", ""], "error: --transcripts needs a directory"),
            (["run", "--serve", "--var", "uuid=1"], "'uuid' is a built-in placeholder"),
            (["check", "--vars", "bad.vars.yaml"], "bad.vars.yaml:1:1: error: 'a b' is not a valid variable name"),
            (["list", "--tag", "nope"], "error: no scenario carries the tag(s) nope"),
        ]
        for (arguments, message) in cases {
            let run = try cli.run(arguments)
            #expect(run.exitCode == 2, "\(arguments)")
            #expect(run.standardError.contains(message), "\(arguments): \(run.standardError)")
        }
        try FileManager.default.createDirectory(
            at: cli.directory.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = try cli.run(["list", "empty"])
        #expect(empty.exitCode == 2 && empty.standardError.contains("error: no scenario found in empty"))
    }

    /// Names with separators or control characters cannot break `list` lines or reach the terminal raw.
    @Test func namesAreEscapedInListAndOnTheConsole() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/odd.yaml",
            "name: \"tab\\there \\e[31mred\"\ntags: [\"a,b\", c]\nsteps:\n  - connect: ${server}/echo\n")
        let list = try cli.run(["list"])
        #expect(list.exitCode == 0)
        #expect(list.standardOutput.hasPrefix("scenarios/odd.yaml\ttab\\there "), "\(list.standardOutput)")
        #expect(list.standardOutput.hasSuffix("\ta\\,b,c\n"), "\(list.standardOutput)")
        let run = try cli.run(["run", "--serve"])
        #expect(run.exitCode == 0)
        #expect(!run.standardOutput.contains("\u{1B}"), "an escape character reached the console")
        #expect(run.standardOutput.contains("tab\\u{9}here \\u{1B}[31mred"), "\(run.standardOutput)")
    }

    /// Transcript folders come from the normalised file path.
    @Test func transcriptFoldersUseTheNormalisedPath() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("ff/s1.yaml", "name: s1\nsteps:\n  - connect: ${server}/echo\n")
        let run = try cli.run(["run", "--serve", "./ff/../ff/s1.yaml"])
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(cli.exists(".wscenario/transcripts/ff/s1/s1.jsonl"))
    }
}
