import Testing

@testable import ScenarioRunner

/// The kept ring holds the first and the last `limit` events, whether they arrive one by one (no transcript files)
/// or in the writer's encoded batches of any size, and counts those dropped in between.
@Suite("Transcript kept ring")
struct TranscriptKeptRingTests {
    private static func event(_ index: Int) -> TranscriptKeptEvent {
        .stepPassed(time: 0, step: String(index), duration: 0)
    }

    private static func steps(_ events: [TranscriptKeptEvent]) -> [Int] {
        events.map { event in
            guard case .stepPassed(_, let step, _) = event else { return -1 }
            return Int(step) ?? -1
        }
    }

    @Test(arguments: [1, 3, 7, 20])
    func keepsTheFirstAndLastEventsWhateverTheBatches(limit: Int) {
        var random = SplitMix(seed: UInt64(limit))
        for _ in 0..<200 {
            var ring = TranscriptKeptRing(limit: limit)
            var total = 0
            for _ in 0..<Int(random.next() % 12) {
                if random.next() % 3 == 0 {
                    ring.append(TranscriptKeptRingTests.event(total))
                    total += 1
                } else {
                    let size = Int(random.next() % UInt64(3 * limit + 2))
                    ring.append(batch: (total..<total + size).map(TranscriptKeptRingTests.event))
                    total += size
                }
            }
            let (head, tail) = ring.events
            let firstCount = min(limit, total)
            let lastCount = min(limit, total - firstCount)
            #expect(TranscriptKeptRingTests.steps(head) == Array(0..<firstCount))
            #expect(TranscriptKeptRingTests.steps(tail) == Array(total - lastCount..<total))
            #expect(ring.omitted == total - firstCount - lastCount)
        }
    }

    @Test func longPayloadsInBatchesAreCut() {
        var ring = TranscriptKeptRing(limit: 1)
        let long = [UInt8](repeating: 0x61, count: FrameRecord.keptPayloadBytes)
        let frame = TranscriptKeptEvent.frame(
            time: 0, kind: .frameIn, connection: "c", step: "0", record: FrameRecord(opcode: 0x1, payload: long),
            preferText: true)
        ring.append(batch: [frame, frame, frame])
        let (head, tail) = ring.events
        #expect(ring.omitted == 1)
        for kept in head + tail {
            guard case .event(let event) = kept, case .string(let text) = event["text"] else {
                Issue.record("a long payload was kept whole")
                continue
            }
            #expect(text.utf8.count <= TranscriptWriter.keptBytes)
        }
    }
}

/// A small deterministic random source for the property test.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
