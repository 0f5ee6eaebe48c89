import Foundation
import TestSupport
import Testing

/// `--report tap=FILE` from the built binary, read back by an independent parser (Python, with PyYAML for the
/// diagnostic blocks).
@Suite struct TAPReportCLITests {
    static let reader = #"""
        import re, sys, yaml
        lines = open(sys.argv[1]).read().split("\n")
        assert lines[0] == "TAP version 14", lines[0]
        plan = re.fullmatch(r"1\.\.(\d+)", lines[1])
        assert plan, lines[1]
        points, i = [], 2
        while i < len(lines):
            line = lines[i]
            match = re.fullmatch(r"(not ok|ok) (\d+) - (.*?)( # SKIP.*)?", line)
            if match:
                point = {"ok": match[1] == "ok", "number": int(match[2]), "skip": bool(match[4])}
                if i + 1 < len(lines) and lines[i + 1] == "  ---":
                    end = lines.index("  ...", i + 2)
                    point["yaml"] = yaml.safe_load("\n".join(l[2:] for l in lines[i + 2:end]))
                    i = end
                points.append(point)
            i += 1
        assert [p["number"] for p in points] == list(range(1, int(plan[1]) + 1))
        for p in points:
            print(p["number"], "ok" if p["ok"] else "not-ok", "skip" if p["skip"] else "-",
                  p.get("yaml", {}).get("line", "-"), p.get("yaml", {}).get("message", "-").split("\n")[0])
        """#

    @Test func aFailFastRunReadsBackAsTAP() throws {
        guard peersInstalled() else { return }
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/a.yaml",
            """
            name: echo
            steps:
              - connect: ${server}/echo
              - send: hi
              - expect_message: hi
            ---
            name: "wrong: reply"
            steps:
              - connect: ${server}/echo
              - send: hi
              - expect_message: { text: "ho", within: 100ms }
            ---
            name: never started
            steps:
              - connect: ${server}/echo
            """)
        try cli.write("read.py", TAPReportCLITests.reader)
        let run = try cli.run(["run", "--serve", "--jobs", "1", "--fail-fast", "--report", "tap=out/r.tap"])
        #expect(run.exitCode == 1, "\(run.standardError)")
        let read = try ProcessRunner.run(
            TestPaths.peersPython,
            [
                cli.directory.appendingPathComponent("read.py").path,
                cli.directory.appendingPathComponent("out/r.tap").path,
            ], timeout: 60)
        #expect(read.exitCode == 0, "\(read.standardError)")
        #expect(
            read.standardOutput.split(separator: "\n") == [
                "1 ok - - -",
                "2 not-ok - 11 step 2 (expect_message) at scenarios/a.yaml:11: expected a message on default: text \"ho\"",
                "3 ok skip - -",
            ], "\(read.standardOutput)")
    }
}
