import Testing

@testable import ScenarioRunner

/// Frames held back to mask secrets cut across fragments: a new connection attempt under the same name records the
/// old attempt's held frames instead of dropping them, a late event of the old attempt does not cut the new
/// attempt's held message in two, and a peer sending a long message in tiny fragments cannot make the transcript
/// hold it all.
@Suite("Held fragments across connection attempts")
struct HeldFragmentTests {
    private static func frame(_ opcode: UInt8, _ text: String, fin: Bool) -> ConnectionEvent {
        .frameIn(FrameRecord(opcode: opcode, fin: fin, payload: Array(text.utf8)))
    }

    private static func frameTexts(_ transcript: TranscriptWriter) -> [String] {
        transcript.recordedEvents.filter { $0.kind == .frameIn }.compactMap { event in
            if case .string(let text) = event["text"] { return text }
            return nil
        }
    }

    @Test func heldFramesSurviveAReconnectAndLateEventsOfTheOldAttempt() throws {
        let transcript = try TranscriptWriter(
            location: nil, redactor: Redactor(secrets: ["hunter2"]), startNanos: 0, clock: { 0 }, keepEvents: true)
        let state = ConnectionState(name: "default", transcript: transcript, steps: StepTracker(), clock: { 0 })
        let first = state.reset()
        state.handle(TimedConnectionEvent(Self.frame(0x1, "old ***", fin: false)), epoch: first)
        #expect(Self.frameTexts(transcript).isEmpty, "a fragment of a text message is held while secrets exist")

        let second = state.reset()
        #expect(Self.frameTexts(transcript) == ["old ***"], "the old attempt's held frame is recorded at the reset")

        state.handle(TimedConnectionEvent(Self.frame(0x1, "pw=hun", fin: false)), epoch: second)
        // The old connection's late close must not flush the new attempt's half message.
        state.handle(TimedConnectionEvent(.closed(code: 1006, reason: "", by: .client)), epoch: first)
        #expect(Self.frameTexts(transcript) == ["old ***"])
        state.handle(TimedConnectionEvent(Self.frame(0x0, "ter2 end", fin: true)), epoch: second)
        #expect(Self.frameTexts(transcript) == ["old ***", "pw=***", "*** end"])
    }

    @Test func aMessageInTinyFragmentsIsHandedBackAtTheLimit() {
        var masker = FragmentSecretMasker()
        let redactor = Redactor(secrets: ["hunter2"])
        var handedBack = 0
        var heldMost = 0
        _ = masker.feed(FragmentSecretMaskerTests.pending(0x1, "a", fin: false), redactor: redactor)
        for _ in 0..<(3 * FragmentSecretMasker.holdLimitFrames) {
            let ready = masker.feed(FragmentSecretMaskerTests.pending(0x0, "b", fin: false), redactor: redactor)
            handedBack += ready.count
            heldMost = max(heldMost, 1 + 3 * FragmentSecretMasker.holdLimitFrames - handedBack)
        }
        #expect(handedBack >= 2 * FragmentSecretMasker.holdLimitFrames)
        #expect(masker.isHolding)
        let rest = masker.feed(FragmentSecretMaskerTests.pending(0x0, "end", fin: true), redactor: redactor)
        #expect(handedBack + rest.count == 2 + 3 * FragmentSecretMasker.holdLimitFrames)
    }
}
