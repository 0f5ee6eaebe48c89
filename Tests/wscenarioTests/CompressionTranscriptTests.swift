import Foundation
import TestSupport
import Testing

/// permessage-deflate in transcripts: the wire length and the uncompressed payload of each frame.
@Suite("wscenario run: compressed frames in transcripts")
struct CompressionTranscriptTests {
    @Test func compressedFramesShowWireLengthAndUncompressedPayload() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let text = String(repeating: "compress me ", count: 40)
        try cli.write(
            "scenarios/deflate.yaml",
            """
            name: compressed echo
            steps:
              - connect: { url: "${server}/echo", extensions: [permessage-deflate] }
              - expect_handshake: { extensions: [permessage-deflate] }
              - send: "\(text)"
              - expect_message: "\(text)"
              - close
            """)
        let result = try cli.run(["run", "--serve", "--transcripts", "t"])
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
        let events = try cli.events("t/scenarios/deflate/compressed-echo.jsonl")
        let dataFrames = events.filter {
            ["frame_out", "frame_in"].contains($0["event"] as? String) && $0["opcode"] as? String == "text"
        }
        #expect(dataFrames.count == 2)
        for frame in dataFrames {
            #expect(frame["compressed"] as? Bool == true, "\(frame)")
            #expect(frame["uncompressed_length"] as? Int == text.utf8.count, "\(frame)")
            #expect(frame["text"] as? String == text, "\(frame)")
            let wireLength = try #require(frame["length"] as? Int)
            #expect(wireLength < text.utf8.count, "a repetitive text compresses: \(frame)")
        }
    }
}
