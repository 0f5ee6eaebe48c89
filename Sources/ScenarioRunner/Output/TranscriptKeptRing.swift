/// The events a transcript writer keeps for the text rendering of reports: the first `limit` and the last `limit`
/// (a ring), with a count of those dropped in between.
///
/// The text rendering shows at most 400 characters of a field, so long payloads are kept cut to
/// `TranscriptWriter.keptBytes`: 5,000 kept events of 1 MiB messages do not hold 5,000 copies of 64 KiB.
struct TranscriptKeptRing {
    private let limit: Int
    private var head: [TranscriptKeptEvent] = []
    private var tail: [TranscriptKeptEvent] = []
    private var tailStart = 0
    /// How many events were dropped between the head and the tail.
    private(set) var omitted = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Keeps `event` (cut when it holds a long payload), dropping the oldest event of the tail when it is full.
    mutating func append(_ event: consuming TranscriptKeptEvent) {
        if event.payloadSize > TranscriptWriter.keptBytes {
            event = .event(TranscriptKeptRing.cut(event.event))
        } else if case .event(let whole) = event, TranscriptKeptRing.hasLongString(whole) {
            event = .event(TranscriptKeptRing.cut(whole))
        }
        if head.count < limit {
            head.append(consume event)
        } else if tail.count < limit {
            tail.append(consume event)
        } else {
            tail[tailStart] = consume event
            tailStart = (tailStart + 1) % limit
            omitted += 1
        }
    }

    /// The first events, then the last ones in order.
    var events: (head: [TranscriptKeptEvent], tail: [TranscriptKeptEvent]) {
        (head, Array(tail[tailStart...] + tail[..<tailStart]))
    }

    private static func hasLongString(_ event: TranscriptEvent) -> Bool {
        event.fields.contains {
            if case .string(let text) = $0.1 { text.utf8.count > TranscriptWriter.keptBytes } else { false }
        }
    }

    /// `event` with every string field longer than `TranscriptWriter.keptBytes` cut to it.
    private static func cut(_ event: TranscriptEvent) -> TranscriptEvent {
        var event = event
        event.fields = event.fields.map { key, value in
            guard case .string(let text) = value, text.utf8.count > TranscriptWriter.keptBytes else {
                return (key, value)
            }
            return (key, .string(TranscriptWriter.cutForKeeping(text)))
        }
        return event
    }
}
