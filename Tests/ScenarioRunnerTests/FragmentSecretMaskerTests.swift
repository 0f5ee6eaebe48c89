import Testing

@testable import ScenarioRunner

/// Secrets cut across the frames of a fragmented message are masked in every frame that holds a piece of them.
@Suite struct FragmentSecretMaskerTests {
    static func pending(_ opcode: UInt8, _ text: String, fin: Bool) -> FragmentSecretMasker.Pending {
        FragmentSecretMasker.Pending(
            frame: FrameRecord(opcode: opcode, fin: fin, payload: Array(text.utf8)), nanos: 0, step: "1",
            preferText: true)
    }

    @Test func aSecretAcrossFramesIsMaskedInEachPiece() {
        var masker = FragmentSecretMasker()
        let redactor = Redactor(secrets: ["hunter2hunter2"])
        #expect(masker.feed(Self.pending(0x1, "pw=hunt", fin: false), redactor: redactor).isEmpty)
        #expect(masker.isHolding)
        #expect(masker.feed(Self.pending(0x9, "ping", fin: true), redactor: redactor).count == 1, "control frames pass")
        #expect(masker.feed(Self.pending(0x0, "er2hun", fin: false), redactor: redactor).isEmpty)
        let ready = masker.feed(Self.pending(0x0, "ter2 end", fin: true), redactor: redactor)
        #expect(ready.map { String(decoding: $0.frame.payload, as: UTF8.self) } == ["pw=***", "***", "*** end"])
        #expect(!masker.isHolding)
    }

    @Test func anUnfinishedMessageEndingInPartOfASecretHidesThatPart() {
        // The connection ends after `xxSuperSecret12`: the rest of the secret never came, but 12 of its 14
        // characters must not reach the transcript (QA pass 12).
        var masker = FragmentSecretMasker()
        let redactor = Redactor(secrets: ["SuperSecret123"])
        #expect(masker.feed(Self.pending(0x1, "xxSuperSecret12", fin: false), redactor: redactor).isEmpty)
        let flushed = masker.flush(redactor: redactor)
        #expect(flushed.map { String(decoding: $0.frame.payload, as: UTF8.self) } == ["xx***"])
        // Two characters of a secret are not hidden (too common to mean anything); an unrelated end stays.
        #expect(masker.feed(Self.pending(0x1, "xxSu", fin: false), redactor: redactor).isEmpty)
        #expect(masker.flush(redactor: redactor).map { String(decoding: $0.frame.payload, as: UTF8.self) } == ["xxSu"])
    }

    @Test func aSecretCutWhereHeldFramesAreHandedBackIsHiddenOnBothSides() {
        var masker = FragmentSecretMasker()
        let redactor = Redactor(secrets: ["SuperSecret123"])
        _ = masker.feed(Self.pending(0x1, "a", fin: false), redactor: redactor)
        var handedBack: [String] = []
        for index in 1..<FragmentSecretMasker.holdLimitFrames {
            let piece = index == FragmentSecretMasker.holdLimitFrames - 1 ? "Super" : "b"
            handedBack += masker.feed(Self.pending(0x0, piece, fin: false), redactor: redactor)
                .map { String(decoding: $0.frame.payload, as: UTF8.self) }
        }
        #expect(handedBack.count == FragmentSecretMasker.holdLimitFrames)
        #expect(handedBack.last == "***")
        let rest = masker.feed(Self.pending(0x0, "Secret123 end", fin: true), redactor: redactor)
        #expect(rest.map { String(decoding: $0.frame.payload, as: UTF8.self) } == ["*** end"])
    }

    @Test func framesWithoutSecretsAndBinaryMessagesAreUnchanged() {
        var masker = FragmentSecretMasker()
        let redactor = Redactor(secrets: ["hunter2"])
        _ = masker.feed(Self.pending(0x1, "plain ", fin: false), redactor: redactor)
        let plain = masker.feed(Self.pending(0x0, "text", fin: true), redactor: redactor)
        #expect(plain.map { String(decoding: $0.frame.payload, as: UTF8.self) } == ["plain ", "text"])
        let whole = masker.feed(Self.pending(0x1, "hunter2", fin: true), redactor: redactor)
        #expect(
            whole.map { String(decoding: $0.frame.payload, as: UTF8.self) } == ["hunter2"], "the transcript masks it")
        _ = masker.feed(Self.pending(0x2, "hunt", fin: false), redactor: redactor)
        let binary = masker.feed(Self.pending(0x0, "er2", fin: true), redactor: redactor)
        #expect(binary.map { String(decoding: $0.frame.payload, as: UTF8.self) } == ["hunt", "er2"])
    }

    /// The frames of a message that never ends (the connection failed in the middle) come back on `flush`,
    /// masked over the pieces that arrived.
    @Test func anUnfinishedMessageIsFlushedMasked() {
        var masker = FragmentSecretMasker()
        let redactor = Redactor(secrets: ["hunter2"])
        _ = masker.feed(Self.pending(0x1, "pw=hun", fin: false), redactor: redactor)
        _ = masker.feed(Self.pending(0x0, "ter2 and", fin: false), redactor: redactor)
        let flushed = masker.flush(redactor: redactor)
        #expect(flushed.map { String(decoding: $0.frame.payload, as: UTF8.self) } == ["pw=***", "*** and"])
        #expect(!masker.isHolding)
        #expect(masker.flush(redactor: redactor).isEmpty)
    }
}
