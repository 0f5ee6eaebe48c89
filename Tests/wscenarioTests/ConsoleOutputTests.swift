import Foundation
import TestSupport
import Testing

/// `--quiet`, `--verbose`, GitHub annotations and SIGTERM, through the built binary.
@Suite("wscenario run console output", .serialized)
struct ConsoleOutputTests {
    static let scenarios = """
        name: passes
        steps:
          - connect: ${server}/echo
          - send: hi
          - expect_message: hi
        ---
        name: fails
        steps:
          - connect: ${server}/echo
          - expect_message: { text: nope, within: 100ms }
        """

    @Test func quietVerboseAndAnnotations() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/s.yaml", ConsoleOutputTests.scenarios)
        let quiet = try cli.run(["run", "--serve", "--quiet"])
        #expect(quiet.exitCode == 1)
        #expect(!quiet.standardOutput.contains("✓ passes"))
        #expect(quiet.standardOutput.contains("✗ fails"))
        #expect(quiet.standardOutput.contains("1 passed, 1 failed"))
        #expect(!quiet.standardOutput.contains("::error"))
        let verbose = try cli.run(["run", "--serve", "--verbose", "--jobs", "1"])
        #expect(verbose.standardOutput.contains("passes |"))
        #expect(verbose.standardOutput.contains("message_in"))
        let annotated = try cli.run(["run", "--serve"], environment: ["NO_COLOR": "1", "GITHUB_ACTIONS": "true"])
        #expect(annotated.standardOutput.contains("::error file=scenarios/s.yaml,line=10::fails: step 1"))
        #expect(!annotated.standardOutput.contains("\u{1B}["))
    }

    @Test func sigtermExits143() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/wait.yaml",
            """
            name: waits
            steps:
              - connect: ${server}/echo
              - wait: 30s
            """)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.wscenarioBinary)
        process.arguments = ["run", "--serve"]
        process.currentDirectoryURL = cli.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let transcript = ".wscenario/transcripts/scenarios/wait/waits.jsonl"
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !(((try? cli.read(transcript)) ?? "").contains(#""kind":"wait""#)) { usleep(50_000) }
        kill(process.processIdentifier, SIGTERM)
        let exitDeadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < exitDeadline { usleep(20_000) }
        #expect(!process.isRunning)
        guard !process.isRunning else { return }
        #expect(process.terminationStatus == 143)
        #expect(try cli.events(transcript).last?["status"] as? String == "interrupted")
    }
}
