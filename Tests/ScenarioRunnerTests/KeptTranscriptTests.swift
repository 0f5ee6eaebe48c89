import Foundation
import Testing

@testable import ScenarioRunner

/// The events kept for the report text hold long payload fields cut, and still mask every secret.
@Suite("Transcript events kept for reports")
struct KeptTranscriptTests {
    private func writer() throws -> TranscriptWriter {
        try TranscriptWriter(location: nil, redactor: Redactor(), startNanos: 0, clock: { 0 })
    }

    @Test func longFieldsRenderAsBeforeAlthoughTheyAreKeptCut() throws {
        let transcript = try writer()
        let long = String(repeating: "é", count: 300) + String(repeating: "x", count: 100_000)
        transcript.record(.messageIn, connection: "default", step: "1", [("text", .string(long))])
        let expected = TranscriptTextRenderer.line(
            TranscriptEvent(
                time: 0, kind: .messageIn, connection: "default", step: "1", fields: [("text", .string(long))]))
        #expect(transcript.text == expected)
        #expect(transcript.text.hasSuffix("…\""))
    }

    @Test func aSecretLearntLateIsMaskedAlsoWhereTheCutSplitIt() throws {
        let transcript = try writer()
        // The secret starts 2 characters before the cut (16 KiB are kept), and again at the start.
        let secret = "S3CR3T-TOKEN-VALUE"
        let filler = String(repeating: "a", count: TranscriptWriter.keptBytes - 2 - secret.count - 10)
        let text = secret + String(repeating: "b", count: 10) + filler + secret + "tail"
        transcript.record(.messageIn, connection: "default", step: "1", [("text", .string(text))])
        transcript.addSecrets([secret])
        let rendered = transcript.text
        #expect(!rendered.contains(secret))
        #expect(rendered.contains("***bbbbbbbbbb"))
        let redactor = Redactor(secrets: [secret])
        let cut = String(text.prefix(TranscriptWriter.keptBytes))
        #expect(cut.hasSuffix("S3"))
        #expect(!redactor.redact(cutText: cut).hasSuffix("S3"))
        #expect(redactor.redact(cutText: cut).hasSuffix("a"))
    }

    @Test func cuttingKeepsWholeCharacters() {
        let text = String(repeating: "x", count: TranscriptWriter.keptBytes - 1) + "€€€"
        let cut = TranscriptWriter.cutForKeeping(text)
        #expect(cut == String(repeating: "x", count: TranscriptWriter.keptBytes - 1))
        let emoji = String(repeating: "😀", count: TranscriptWriter.keptBytes)
        #expect(TranscriptWriter.cutForKeeping(emoji) == String(repeating: "😀", count: TranscriptWriter.keptBytes / 4))
    }
}
