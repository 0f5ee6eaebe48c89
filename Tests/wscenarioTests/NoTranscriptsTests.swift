import Foundation
import TestSupport
import Testing

/// End-to-end: `wscenario run --no-transcripts` (soak and load runs) against the built-in server.
@Suite("wscenario run --no-transcripts", .serialized)
struct NoTranscriptsTests {
    static let scenario = """
        name: echo without files
        steps:
          - connect: ${server}/echo
          - send: hello
          - expect_message: hello
          - close
        ---
        name: a failure still explains itself
        steps:
          - connect: ${server}/echo
          - send: hello
          - expect_message: { text: goodbye, within: 200ms }
        """

    @Test func writesNoTranscriptFilesButReportsKeepTheText() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/echo.yaml", NoTranscriptsTests.scenario)
        let result = try cli.run([
            "run", "--serve", "--no-transcripts", "--report", "json=out/report.json", "--report", "junit=out/junit.xml",
        ])
        #expect(result.exitCode == 1, "\(result.standardOutput)\n\(result.standardError)")
        #expect(result.standardOutput.contains("1 passed, 1 failed"))
        #expect(!cli.exists(".wscenario"))
        let report = try cli.json("out/report.json")
        let scenarios = try #require(report["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 2)
        #expect(scenarios.allSatisfy { $0["transcript"] is NSNull })
        let junit = try cli.read("out/junit.xml")
        #expect(junit.components(separatedBy: "<system-out>").count == 3, "\(junit)")
        #expect(junit.contains("frame_out") && junit.contains("scenario_end"), "\(junit)")
    }

    @Test func contradictsAnExplicitTranscriptsDirectory() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/echo.yaml", NoTranscriptsTests.scenario)
        let result = try cli.run(["run", "--serve", "--no-transcripts", "--transcripts", "out/t"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("--transcripts and --no-transcripts contradict each other"))
        #expect(!cli.exists("out"))
    }
}
