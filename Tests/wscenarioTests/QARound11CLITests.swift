import Foundation
import TestSupport
import Testing

/// Leftovers of the earlier QA passes found again in the eleventh (re-check) pass, through the built binary.
@Suite struct QARound11CLITests {
    /// A secret cut across the frames of a fragmented message from the server is masked in every `frame_in`
    /// (in .jsonl, .txt and `--verbose`), as it is for the client's fragmented sends.
    @Test func secretsInFragmentedServerMessagesAreMasked() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        // /fragmented sends "hello fragmented world" as "hello ", "fragmented ", "world".
        try cli.write(
            "scenarios/frag.yaml",
            """
            name: pieces
            vars: { s: "o fragmented w" }
            secrets: [s]
            steps:
              - connect: ${server}/fragmented
              - expect_message: { contains: orld }
            """)
        let run = try cli.run(["run", "--serve", "--verbose"])
        #expect(run.exitCode == 0, "\(run.standardOutput)")
        #expect(!run.standardOutput.contains("fragmented "), "leaked: \(run.standardOutput)")
        let texts = try cli.events(".wscenario/transcripts/scenarios/frag/pieces.jsonl")
            .filter { $0["event"] as? String == "frame_in" }
            .compactMap { $0["text"] as? String }
        #expect(Array(texts.prefix(3)) == ["hell***", "***", "***orld"], "\(texts)")
        let text = try cli.read(".wscenario/transcripts/scenarios/frag/pieces.txt")
        #expect(!text.contains("fragmented "), "leaked: \(text)")
    }
}
