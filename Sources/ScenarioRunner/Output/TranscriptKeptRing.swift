/// The events a transcript writer keeps for the text rendering of reports: the first `limit` and the last `limit`,
/// with a count of those dropped in between.
///
/// The last events are kept as the batches the writer encoded (whole batches are dropped once the later ones hold
/// `limit` events), so keeping a batch costs no copy of its events. The text rendering shows at most 400
/// characters of a field, so long payloads are kept cut to `TranscriptWriter.keptBytes`: 5,000 kept events of
/// 1 MiB messages do not hold 5,000 copies of 64 KiB.
struct TranscriptKeptRing {
    private let limit: Int
    private var head: [TranscriptKeptEvent] = []
    /// Batches after the head, oldest first; together they hold `tailCount` events.
    private var tail: [[TranscriptKeptEvent]] = []
    /// Single events appended after the head (without transcript files), not yet closed into a batch.
    private var open: [TranscriptKeptEvent] = []
    private var tailCount = 0
    /// Events in whole batches dropped from the tail.
    private var dropped = 0
    /// Single events are closed into a batch once this many are open.
    private static let openBatch = 256

    init(limit: Int) {
        self.limit = limit
    }

    /// How many events were dropped between the head and the tail.
    var omitted: Int { dropped + max(0, tailCount - limit) }

    /// Keeps `event` (cut when it holds a long payload).
    mutating func append(_ event: consuming TranscriptKeptEvent) {
        event = TranscriptKeptRing.keepable(event)
        if head.count < limit {
            head.append(consume event)
            return
        }
        open.append(consume event)
        tailCount += 1
        if open.count >= TranscriptKeptRing.openBatch {
            tail.append(open)
            open = []
            trim()
        }
    }

    /// Keeps the events of `batch`, in order (events with long payloads are cut; the others are not copied).
    mutating func append(batch: consuming [TranscriptKeptEvent]) {
        var batch = batch
        var start = 0
        if head.count < limit {
            start = min(limit - head.count, batch.count)
            for index in 0..<start { head.append(TranscriptKeptRing.keepable(batch[index])) }
        }
        guard start < batch.count else { return }
        if start > 0 { batch = Array(batch[start...]) }
        for index in batch.indices where TranscriptKeptRing.needsCut(batch[index]) {
            batch[index] = TranscriptKeptRing.keepable(batch[index])
        }
        if !open.isEmpty {
            tail.append(open)
            open = []
        }
        tailCount += batch.count
        tail.append(batch)
        trim()
    }

    /// Drops the oldest batches that the later ones make unnecessary.
    private mutating func trim() {
        var keep = tail.count
        var after = open.count
        // Walk back from the newest batch until `limit` events are covered; everything older goes.
        while keep > 0, after < limit {
            keep -= 1
            after += tail[keep].count
        }
        guard keep > 0 else { return }
        for batch in tail[..<keep] {
            dropped += batch.count
            tailCount -= batch.count
        }
        tail.removeFirst(keep)
    }

    /// The first events, then the last ones in order.
    var events: (head: [TranscriptKeptEvent], tail: [TranscriptKeptEvent]) {
        let all = tail.joined() + open
        return (head, Array(all.suffix(limit)))
    }

    /// Whether `event` holds more than the report text needs.
    private static func needsCut(_ event: TranscriptKeptEvent) -> Bool {
        if event.payloadSize > TranscriptWriter.keptBytes { return true }
        if case .event(let whole) = event { return hasLongString(whole) }
        return false
    }

    /// `event`, cut when it holds a long payload.
    private static func keepable(_ event: consuming TranscriptKeptEvent) -> TranscriptKeptEvent {
        if event.payloadSize > TranscriptWriter.keptBytes { return .event(cut(event.event)) }
        if case .event(let whole) = event, hasLongString(whole) { return .event(cut(whole)) }
        return event
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
