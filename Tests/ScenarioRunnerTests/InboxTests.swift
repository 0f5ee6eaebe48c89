import Testing

@testable import ScenarioRunner

/// The inbox of one connection: scanning order, consumption, and freeing consumed messages.
@Suite("Inbox")
struct InboxTests {
    private func makeState() throws -> ConnectionState {
        let transcript = try TranscriptWriter(location: nil, redactor: Redactor(), startNanos: 0, clock: { 0 })
        return ConnectionState(name: "default", transcript: transcript, steps: StepTracker(), clock: { 0 })
    }

    private func deliver(_ texts: [String], to state: ConnectionState) {
        for text in texts {
            state.handle(TimedConnectionEvent(.message(text: true, payload: Array(text.utf8))), epoch: 0)
        }
    }

    @Test func scanningSkipsConsumedMessagesInArrivalOrder() throws {
        let state = try makeState()
        deliver(["a", "b", "c", "d"], to: state)
        #expect(state.nextUnconsumed(from: 0)?.text == "a")
        state.consume(1)
        #expect(state.nextUnconsumed(from: 1)?.text == "c")
        state.consume(0)
        #expect(state.nextUnconsumed(from: 0)?.text == "c")
        #expect(state.unconsumed.map(\.text) == ["c", "d"])
        state.consume(3)
        #expect(state.nextUnconsumed(from: 3) == nil)
        #expect(state.unconsumed.map(\.text) == ["c"])
        #expect(state.messageCount == 4)
    }

    @Test func consumedMessagesAreNoLongerHeld() throws {
        let state = try makeState()
        deliver((0..<1000).map { "message \($0)" }, to: state)
        var scanned = 0
        var seen: [String] = []
        while let message = state.nextUnconsumed(from: scanned) {
            scanned = message.index + 1
            seen.append(message.text ?? "")
            state.consume(message.index)
        }
        #expect(seen.count == 1000)
        #expect(seen.last == "message 999")
        #expect(state.unconsumed.isEmpty)
        #expect(state.nextUnconsumed(from: 0) == nil)
    }
}
