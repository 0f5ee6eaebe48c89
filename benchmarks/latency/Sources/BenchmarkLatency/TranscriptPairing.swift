import Foundation

/// Round-trip latencies from a wscenario JSONL transcript.
///
/// Per connection (`conn`), the i-th data `frame_out` is paired with the i-th data `frame_in`; a data frame is
/// one whose `opcode` is `text` or `binary` and whose `fin` is true, so control frames, continuation frames and
/// the first frame of a fragmented message are not counted. Latency = `t` of the frame_in − `t` of the
/// frame_out; `t` has µs resolution, so every latency is a whole number of µs. Unanswered sends and unsolicited
/// messages beyond the last pair are ignored.
public struct TranscriptPairing {
    /// The fields of a transcript line this needs; other fields are not decoded.
    private struct FrameEvent: Decodable {
        var t: Double
        var event: String
        var conn: String?
        var opcode: String?
        var fin: Bool?
    }

    /// Per connection: µs timestamps of its data frames out and in, in transcript order.
    private var sent: [String: [Int64]] = [:]
    private var received: [String: [Int64]] = [:]
    /// Connections in order of their first data frame, for a reproducible result order.
    private var connections: [String] = []

    public init() {}

    /// Reads every line of `lines`, then records each pair's latency into `recorder`.
    public static func record(_ lines: InputLines, into recorder: inout LatencyRecorder) throws {
        var pairing = TranscriptPairing()
        try pairing.read(lines)
        for latency in try pairing.latencies(source: lines.source) {
            try recorder.record(nanoseconds: latency)
        }
    }

    /// Collects the data frames of `lines` (JSON objects, one per line; blank lines skipped).
    public mutating func read(_ lines: InputLines) throws {
        let decoder = JSONDecoder()
        try lines.forEachLine { bytes, number in
            // Only frame events matter: skip the others without decoding them.
            guard bytes.contains(marker: "\"frame_") else { return }
            let event: FrameEvent
            do {
                event = try decoder.decode(FrameEvent.self, from: Data(bytes))
            } catch {
                throw LatencyError.malformed(source: lines.source, line: number, reason: "not a transcript event")
            }
            add(event)
        }
    }

    /// The latencies in ns: each connection's pairs in order, connections in order of first appearance.
    public func latencies(source: String) throws -> [UInt64] {
        var result: [UInt64] = []
        for connection in connections {
            let outs = sent[connection, default: []]
            let ins = received[connection, default: []]
            for index in 0..<min(outs.count, ins.count) {
                let microseconds = ins[index] - outs[index]
                guard microseconds >= 0 else {
                    throw LatencyError.negative(source: source, connection: connection, index: index)
                }
                result.append(UInt64(microseconds) * 1000)
            }
        }
        return result
    }

    private mutating func add(_ event: FrameEvent) {
        guard event.opcode == "text" || event.opcode == "binary", event.fin == true,
            event.event == "frame_out" || event.event == "frame_in"
        else { return }
        let connection = event.conn ?? ""
        let microseconds = Int64((event.t * 1_000_000).rounded())
        if sent[connection] == nil && received[connection] == nil { connections.append(connection) }
        if event.event == "frame_out" {
            sent[connection, default: []].append(microseconds)
        } else {
            received[connection, default: []].append(microseconds)
        }
    }
}
