import Foundation

/// Writes one scenario's transcript incrementally: JSON Lines plus the text rendering beside it.
///
/// Recording an event only queues it: the lines are encoded and written in batches on a background queue (every
/// `drainBatch` events), so the thread that records — the event loop running the scenario — does not spend its
/// time on transcript bytes and file writes. Queued events are also encoded and written by a timer at most
/// `flushIntervalNanos` after they were recorded, on `flush()` (after a failed step) and on `finish()`, so a
/// transcript on disk is at most that far behind and complete when the run fails, times out or is interrupted.
/// With an observer (`--verbose`), every line is encoded at once on the recording thread, in order.
/// When a secret value becomes known after events were written (a `capture:` into a secret variable),
/// `finish()` rewrites both files with every secret masked, and `text` uses the final set of secrets too.
/// Thread-safe: connection events arrive from event-loop threads.
public final class TranscriptWriter: @unchecked Sendable {
    /// Guards everything below but `output`.
    private let lock = NSLock()
    /// Guards `output`; taken before `lock` when both are needed, never inside it.
    private let outputLock = NSLock()
    private let output: TranscriptFileOutput
    /// Whether events are encoded at all: there are files or an observer.
    private let encodes: Bool
    // Storage marked `@exclusivity(unchecked)` is touched under `lock` only; the runtime's access checks cost time
    // on every recorded event (BENCHMARKS.md, session 6).
    @exclusivity(unchecked) private var redactor: Redactor
    private let startNanos: UInt64
    private let clock: @Sendable () -> UInt64
    /// Events recorded but not encoded yet, in order.
    @exclusivity(unchecked) private var queued: [TranscriptKeptEvent] = []
    @exclusivity(unchecked) private var drainScheduled = false
    /// Queued events are encoded on a background queue once this many are waiting.
    static let drainBatch = 256
    /// Queued events are also handed to the background queue once they hold this many payload bytes.
    static let drainBytes = 1 << 20
    /// Past this many queued events, or payload bytes in them (the background queue falls behind, or the disk is
    /// slow), the recording thread encodes them itself: memory stays bounded.
    static let queueLimit = 16 * 1024
    static let queueByteLimit = 16 << 20
    /// The payload bytes held by `queued` (roughly: what encoding it will have to read).
    @exclusivity(unchecked) private var queuedBytes = 0
    /// Encodes and writes queued events when they have been waiting for `flushIntervalNanos`.
    private var flushTimer: DispatchSourceTimer?
    @exclusivity(unchecked) private var flushScheduled = false
    private let flushIntervalNanos: Int = 50_000_000
    private static let flushQueue = DispatchQueue(label: "wscenario.transcript-flush")
    /// The events kept for the text rendering of reports: the first and the last 2,500.
    @exclusivity(unchecked) private var kept = TranscriptKeptRing(limit: 2500)
    /// UTF-8 bytes of a string field kept for the report text (which shows 400 characters; the rest covers secrets
    /// masked late: a mask can be shorter or longer than the secret).
    static let keptBytes = 4 * 1024
    @exclusivity(unchecked) private var events: [TranscriptEvent] = []
    private let keepEvents: Bool
    private let observer: (@Sendable (String) -> Void)?
    @exclusivity(unchecked) private var finished = false
    private let location: TranscriptLocation?
    @exclusivity(unchecked) private var recordedAny = false
    /// While the only event recorded is the scenario's start (the scenario's `secrets:` are registered right after
    /// it): that event, so that a secret learned then forces no rewrite of the files unless it occurs in it.
    @exclusivity(unchecked) private var onlyEvent: TranscriptEvent?
    /// A secret became known after events were written: the files must be redacted again at the end.
    private var secretsLearnedLate = false

    /// Opens (creates or truncates) the transcript files at `location`; `nil` writes nothing to disk.
    public init(
        location: TranscriptLocation?, redactor: Redactor, startNanos: UInt64,
        clock: @escaping @Sendable () -> UInt64, keepEvents: Bool = false,
        observer: (@Sendable (String) -> Void)? = nil
    ) throws {
        self.redactor = redactor
        self.startNanos = startNanos
        self.clock = clock
        self.keepEvents = keepEvents
        self.observer = observer
        self.location = location
        output = try TranscriptFileOutput(location: location)
        encodes = output.isOpen || observer != nil
    }

    deinit { flushTimer?.cancel() }

    /// Seconds since the scenario started, for `nanos` (a monotonic reading) or now.
    public func elapsed(at nanos: UInt64? = nil) -> Double {
        let now = nanos ?? clock()
        return now >= startNanos ? Double(now - startNanos) / 1e9 : 0
    }

    /// Adds values that must be masked from now on.
    public func addSecrets(_ values: [String]) {
        lock.withLock {
            guard redactor.add(values), recordedAny else { return }
            if let onlyEvent, !redactor.occurs(inJSON: onlyEvent.json.serialized()) { return }
            secretsLearnedLate = true
        }
    }

    /// The current redactor (for messages written elsewhere).
    public var currentRedactor: Redactor { lock.withLock { redactor } }

    /// Records one event, timestamped at `nanos` (monotonic) or now.
    public func record(
        _ kind: TranscriptEventKind, connection: String? = nil, step: String? = nil,
        at nanos: UInt64? = nil, _ fields: [(String, OutputJSON)] = []
    ) {
        let time = elapsed(at: nanos)
        enqueue(.event(TranscriptEvent(time: time, kind: kind, connection: connection, step: step, fields: fields)))
    }

    /// Records a `frame_out` or `frame_in` event for `frame`, its payload shown as text (when valid UTF-8) only
    /// with `preferText`.
    public func recordFrame(
        _ kind: TranscriptEventKind, connection: String, step: String?, at nanos: UInt64, frame: FrameRecord,
        preferText: Bool
    ) {
        let time = elapsed(at: nanos)
        enqueue(
            .frame(time: time, kind: kind, connection: connection, step: step, record: frame, preferText: preferText))
    }

    /// Records a `message_in` event for a data message of `length` bytes, of which `shown` are the first (at most
    /// `FrameRecord.keptPayloadBytes`).
    public func recordMessage(
        connection: String, step: String?, at nanos: UInt64, isText: Bool, shown: [UInt8], length: Int
    ) {
        let time = elapsed(at: nanos)
        enqueue(.message(time: time, connection: connection, step: step, isText: isText, shown: shown, length: length))
    }

    /// Records the `step_end` of a passed step that took `duration` seconds (rounded to microseconds).
    public func recordStepPassed(step: String, duration: Double, at nanos: UInt64? = nil) {
        let time = elapsed(at: nanos)
        enqueue(.stepPassed(time: time, step: step, duration: duration))
    }

    /// Records a step's `step_start` from its lines encoded once.
    public func recordStepStart(_ lines: TranscriptStepLines, at nanos: UInt64) {
        enqueue(.stepStart(time: elapsed(at: nanos), lines: lines))
    }

    /// Records the `step_end` of a passed step that took `duration` seconds (rounded to microseconds), from the
    /// step's lines encoded once.
    public func recordStepPassed(_ lines: TranscriptStepLines, duration: Double, at nanos: UInt64) {
        enqueue(.stepPassedLines(time: elapsed(at: nanos), lines: lines, duration: duration))
    }

    /// What to do, once the lock is released, about the queued events.
    private enum QueueAction {
        case none
        /// Encode them on this thread (an observer wants its line, or the queue is full).
        case drainHere
        /// Encode them on the background queue.
        case drainInBackground
    }

    /// Masks `event` if needed, keeps it for reports and queues it for the files.
    private func enqueue(_ event: consuming TranscriptKeptEvent) {
        lock.lock()
        let action = enqueueLocked(event)
        lock.unlock()
        switch action {
        case .none: break
        case .drainHere: drain(writeAll: false)
        case .drainInBackground: DispatchQueue.global().async { self.drain(writeAll: false) }
        }
    }

    /// `enqueue` with the lock held.
    private func enqueueLocked(_ event: consuming TranscriptKeptEvent) -> QueueAction {
        guard !finished else { return .none }
        if !redactor.isEmpty {
            var masked = event.event
            masked.fields = masked.fields.map { ($0.0, redactor.redact($0.1)) }
            event = .event(masked)
        }
        if !recordedAny, case .event(let first) = event, first.kind == .scenarioStart {
            onlyEvent = first
        } else if onlyEvent != nil {
            onlyEvent = nil
        }
        recordedAny = true
        if keepEvents { events.append(event.event) }
        // No files and nobody watching (`--no-transcripts`): only the events kept for reports are needed.
        guard encodes else {
            kept.append(consume event)
            return .none
        }
        queuedBytes += event.approximateSize
        // Kept for reports once encoded (by `drain`), off the recording thread, without a second copy here.
        queued.append(consume event)
        // The timer writes what is encoded but still buffered, also when the lines were encoded at once.
        scheduleFlush()
        if observer != nil || queued.count >= TranscriptWriter.queueLimit
            || queuedBytes >= TranscriptWriter.queueByteLimit
        {
            return .drainHere
        }
        guard queued.count >= TranscriptWriter.drainBatch || queuedBytes >= TranscriptWriter.drainBytes,
            !drainScheduled
        else { return .none }
        drainScheduled = true
        return .drainInBackground
    }

    /// Encodes the queued events (in order: one drain at a time), writing whenever 64 KiB are buffered, or
    /// everything with `writeAll`.
    private func drain(writeAll: Bool) {
        outputLock.withLock {
            let batch: [TranscriptKeptEvent] = lock.withLock {
                drainScheduled = false
                if writeAll { flushScheduled = false }
                return takeQueued()
            }
            output.append(batch, observer: observer)
            if writeAll { output.write() }
            keep(batch)
        }
    }

    /// Keeps encoded events for the report text, in order (called under the output lock, so batches arrive in
    /// the order they were taken from the queue).
    private func keep(_ batch: consuming [TranscriptKeptEvent]) {
        guard !batch.isEmpty else { return }
        lock.lock()
        kept.append(batch: batch)
        lock.unlock()
    }

    /// Empties the queue and returns what it held, in order (lock held).
    private func takeQueued() -> [TranscriptKeptEvent] {
        var batch: [TranscriptKeptEvent] = []
        swap(&batch, &queued)
        queuedBytes = 0
        return batch
    }

    /// Encodes and writes every event recorded so far.
    public func flush() {
        drain(writeAll: true)
    }

    /// Flushes and closes the files (redacting them again when a secret became known late); later events are
    /// dropped. Returns what went wrong rewriting the files, if anything.
    @discardableResult
    public func finish() -> String? {
        // Under the output lock throughout: a second call returns only once the files are complete.
        outputLock.withLock {
            let first: Bool = lock.withLock {
                guard !finished else { return false }
                finished = true
                flushTimer?.cancel()
                flushTimer = nil
                return true
            }
            guard first else { return nil }
            let batch = lock.withLock { takeQueued() }
            output.append(batch, observer: observer)
            output.close()
            keep(batch)
            return lock.withLock {
                guard secretsLearnedLate, let location else { return nil }
                do {
                    try TranscriptRedaction.rewrite(location, redactor: redactor)
                    return nil
                } catch {
                    return "cannot redact the transcript \(location.jsonl.path): \(error.localizedDescription)"
                }
            }
        }
    }

    /// The text rendering so far, with every secret known now masked (for reports; very long transcripts keep
    /// their first and last lines).
    public var text: String {
        // Events are kept once encoded: drain what is queued, and (through the output lock) wait for a drain that
        // has taken its batch but not kept it yet.
        drain(writeAll: false)
        return lock.withLock {
            let render = { (event: TranscriptEvent) -> String in
                guard self.secretsLearnedLate else { return TranscriptTextRenderer.line(event) }
                var redacted = event
                redacted.fields = event.fields.map { key, value in
                    // A kept field that was cut may end in the first characters of a secret.
                    if case .string(let text) = value, text.utf8.count > Self.keptBytes - 4 {
                        return (key, .string(self.redactor.redact(cutText: text)))
                    }
                    return (key, self.redactor.redact(value))
                }
                return TranscriptTextRenderer.line(redacted)
            }
            let events = kept.events
            let head = events.head.map { render($0.event) }
            let tail = events.tail.map { render($0.event) }
            guard kept.omitted > 0 else { return (head + tail).joined(separator: "\n") }
            let omitted = kept.omitted == 1 ? "1 line omitted" : "\(kept.omitted) lines omitted"
            let gap =
                "… \(omitted) (\(location == nil ? "no transcript files were written" : "see the .txt transcript")) …"
            return (head + [gap] + tail).joined(separator: "\n")
        }
    }

    /// `text` cut to at most `keptBytes` UTF-8 bytes, at a character boundary (the cut scans bytes, not
    /// characters: it runs for every event with a long payload).
    static func cutForKeeping(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var end = min(keptBytes, bytes.count)
            while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        }
    }

    /// The payload bytes of the events waiting to be encoded.
    var queuedByteCount: Int { lock.withLock { queuedBytes } }

    /// Every event so far (only kept with `keepEvents`).
    public var recordedEvents: [TranscriptEvent] { lock.withLock { events } }

    /// Arms the flush timer for queued events (called with the lock held; only when encoding).
    private func scheduleFlush() {
        guard !flushScheduled, output.isOpen else { return }
        flushScheduled = true
        let timer: DispatchSourceTimer
        if let existing = flushTimer {
            timer = existing
        } else {
            timer = DispatchSource.makeTimerSource(queue: TranscriptWriter.flushQueue)
            timer.setEventHandler { [weak self] in self?.flush() }
            flushTimer = timer
            timer.schedule(deadline: .now() + .nanoseconds(flushIntervalNanos), leeway: .milliseconds(10))
            timer.resume()
            return
        }
        timer.schedule(deadline: .now() + .nanoseconds(flushIntervalNanos), leeway: .milliseconds(10))
    }
}
