import BenchmarkLatency
import Foundation
import Testing

/// Pairing data frames of a wscenario transcript into round-trip latencies.
struct TranscriptPairingTests {
    private func latencies(_ lines: [String]) throws -> [UInt64] {
        var pairing = TranscriptPairing()
        try pairing.read(InputLines(data: Data(lines.joined(separator: "\n").utf8), source: "t.jsonl"))
        return try pairing.latencies(source: "t.jsonl")
    }

    private func frame(_ t: String, _ event: String, _ conn: String, _ opcode: String, fin: Bool = true) -> String {
        #"{"t":\#(t),"event":"\#(event)","conn":"\#(conn)","step":"1.0","opcode":"\#(opcode)","fin":\#(fin),"#
            + #""rsv":[false,false,false],"length":3,"text":"abc"}"#
    }

    @Test func pairsPerConnectionAcrossInterleavedConnections() throws {
        let lines = [
            #"{"t":0.001,"event":"scenario_start","name":"x","steps":3}"#,
            #"{"t":0.002,"event":"step_start","conn":"a","step":0,"kind":"send","line":7}"#,
            frame("0.010000", "frame_out", "a", "text"),
            frame("0.010500", "frame_out", "b", "binary"),
            frame("0.010700", "frame_in", "b", "binary"),  // b: 200 µs
            frame("0.011000", "frame_out", "b", "text"),
            frame("0.011250", "frame_in", "a", "text"),  // a: 1250 µs
            #"{"t":0.011251,"event":"message_in","conn":"a","type":"text","length":3,"text":"abc"}"#,
            frame("0.012", "frame_out", "a", "text"),
            frame("0.013", "frame_in", "a", "text"),  // a: 1000 µs
            frame("0.0113", "frame_in", "b", "text"),  // b: 300 µs
            "",
        ]
        #expect(try latencies(lines) == [1_250_000, 1_000_000, 200_000, 300_000])
    }

    @Test func controlFramesAndFragmentedMessagesAreNotPaired() throws {
        let lines = [
            frame("1.000000", "frame_out", "default", "text", fin: false),
            frame("1.000010", "frame_out", "default", "continuation"),
            frame("1.000020", "frame_out", "default", "ping"),
            frame("1.000100", "frame_in", "default", "pong"),
            frame("1.000200", "frame_in", "default", "text", fin: false),
            frame("1.000300", "frame_in", "default", "continuation"),
            frame("2.000000", "frame_out", "default", "text"),
            frame("2.000042", "frame_in", "default", "text"),
            frame("3.000000", "frame_out", "default", "close"),
            frame("3.000100", "frame_in", "default", "close"),
        ]
        #expect(try latencies(lines) == [42_000])
    }

    @Test func theIthSendPairsWithTheIthEchoAndAnUnansweredSendIsIgnored() throws {
        let lines = [
            frame("0.5", "frame_out", "default", "text"),
            frame("0.6", "frame_out", "default", "text"),
            frame("0.7", "frame_in", "default", "text"),
        ]
        #expect(try latencies(lines) == [200_000_000])
    }

    @Test func anEchoStampedBeforeItsSendIsAnError() {
        let lines = [
            frame("0.7", "frame_in", "default", "text"),
            frame("0.8", "frame_out", "default", "text"),
        ]
        #expect(throws: LatencyError.negative(source: "t.jsonl", connection: "default", index: 0)) {
            _ = try latencies(lines)
        }
    }

    @Test func aBrokenFrameLineIsAnErrorNamingIt() {
        let lines = [frame("0.5", "frame_out", "default", "text"), #"{"t":0.6,"event":"frame_in","#]
        #expect(throws: LatencyError.malformed(source: "t.jsonl", line: 2, reason: "not a transcript event")) {
            _ = try latencies(lines)
        }
    }

    @Test func aTranscriptWithoutDataFramesIsEmpty() throws {
        var recorder = LatencyRecorder()
        let lines = InputLines(data: Data(#"{"t":0.1,"event":"scenario_start"}"#.utf8), source: "t.jsonl")
        try TranscriptPairing.record(lines, into: &recorder)
        #expect(throws: LatencyError.empty(source: "t.jsonl")) { try recorder.summary(source: "t.jsonl") }
    }
}
