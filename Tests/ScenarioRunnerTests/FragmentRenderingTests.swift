import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

/// Continuation frames are rendered like the message they continue: binary as base64, text as text when the
/// fragment is valid UTF-8 on its own.
@Suite("Transcript rendering of fragments")
struct FragmentRenderingTests {
    static func frame(_ opcode: UInt8, fin: Bool, _ bytes: [UInt8]) -> ConnectionEvent {
        .frameIn(FrameRecord(opcode: opcode, fin: fin, payload: bytes))
    }

    @Test func continuationFramesFollowTheirMessageType() async throws {
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.greeting = [
                    FragmentRenderingTests.frame(2, fin: false, Array("bin-".utf8)),
                    FragmentRenderingTests.frame(9, fin: true, Array("ping".utf8)),
                    FragmentRenderingTests.frame(0, fin: true, Array("tail".utf8)),
                    .message(text: false, payload: Array("bin-tail".utf8)),
                    FragmentRenderingTests.frame(1, fin: false, Array("caf".utf8) + [0xC3]),
                    FragmentRenderingTests.frame(0, fin: false, [0xA9, 0x21]),
                    FragmentRenderingTests.frame(0, fin: true, Array("ok".utf8)),
                    .message(text: true, payload: Array("café!ok".utf8)),
                ]
                return script
            })
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: fragments
            steps:
              - connect: ws://fake/
              - expect_message: { binary: { hex: "62696e2d7461696c" } }
              - expect_message: "café!ok"
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
        let frames = try harness.events(result).filter { $0["event"] as? String == "frame_in" }
        let shown = frames.map { frame in
            (frame["opcode"] as? String ?? "", frame["text"] as? String, frame["base64"] as? String)
        }
        #expect(shown.count == 6)
        guard shown.count == 6 else { return }
        #expect(shown[0].0 == "binary" && shown[0].2 == Data("bin-".utf8).base64EncodedString())
        #expect(shown[1].0 == "ping" && shown[1].1 == "ping")
        #expect(shown[2].0 == "continuation" && shown[2].1 == nil)
        #expect(shown[2].2 == Data("tail".utf8).base64EncodedString())
        #expect(shown[3].0 == "text" && shown[3].2 == Data(Array("caf".utf8) + [0xC3]).base64EncodedString())
        #expect(shown[4].0 == "continuation" && shown[4].2 == Data([0xA9, 0x21]).base64EncodedString())
        #expect(shown[5].0 == "continuation" && shown[5].1 == "ok")
    }

    @Test func trackerResetsAfterTheFinalFragment() {
        var tracker = FragmentTracker()
        let frames: [(opcode: UInt8, fin: Bool)] = [
            (2, false), (0, false), (10, true), (0, true), (1, false), (0, true), (2, true), (0, true),
        ]
        let shownAsText = frames.map { tracker.prefersText(FrameRecord(opcode: $0.opcode, fin: $0.fin, payload: [])) }
        #expect(shownAsText == [false, false, true, false, true, true, false, true])
    }
}
