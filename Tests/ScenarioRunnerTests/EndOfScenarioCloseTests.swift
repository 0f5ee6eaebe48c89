import Foundation
import Testing

@testable import ScenarioRunner

/// At the end of a scenario, connections still open are closed together: every close frame goes out first,
/// then the answers are awaited (1 s in all), so a scenario with many connections ends in about one round trip.
@Suite("Closing at the end of a scenario")
struct EndOfScenarioCloseTests {
    @Test func everyCloseFrameGoesOutBeforeTheUnansweredOnesAreDropped() async throws {
        // A server that never answers a close frame: each connection ends by a drop (1006) after the wait.
        var silent = Script()
        silent.react = { action in
            if case .close = action { return [] }
            return Script.echo(action)
        }
        let script = silent
        let harness = try Harness(connector: ScriptedConnector { _ in script })
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: three open connections
            steps:
              - connect: { as: a, url: "ws://fake/a" }
              - connect: { as: b, url: "ws://fake/b" }
              - connect: { as: c, url: "ws://fake/c" }
              - send: { on: c, text: hi }
              - expect_message: { on: c, text: hi }
            """)
        #expect(result.status == .passed)
        let events = try harness.events(result)
        let closeFrames = events.indices.filter {
            events[$0]["event"] as? String == "frame_out" && events[$0]["opcode"] as? String == "close"
        }
        let ends = events.indices.filter { events[$0]["event"] as? String == "close" }
        #expect(closeFrames.count == 3)
        #expect(ends.count == 3)
        #expect(ends.allSatisfy { events[$0]["code"] as? Int == 1006 })
        #expect(closeFrames.max()! < ends.min()!, "a connection was dropped before every close frame was sent")
    }
}
