import Testing
import WebSocketEngine

@Suite struct BufferedSystemRandomTests {
    /// Several pool refills (512 words each), from several tasks at once: no repeats, no zero words.
    @Test func drawsAcrossRefillsAndThreadsNeverRepeat() async {
        let values = await withTaskGroup(of: [UInt64].self) { group in
            for _ in 0..<4 {
                group.addTask { (0..<1500).map { _ in BufferedSystemRandom.next() } }
            }
            var all: [UInt64] = []
            for await part in group { all += part }
            return all
        }
        #expect(values.count == 6000)
        #expect(Set(values).count == values.count)
        #expect(!values.contains(0))
    }
}
