import Foundation

/// Writes one scenario's transcript incrementally: JSON Lines plus the text rendering beside it.
///
/// Events are buffered as UTF-8 bytes and written when the buffer grows past 64 KiB, on `flush()` (after a
/// failed step), by a timer at most `flushIntervalNanos` after an event was buffered, and on `finish()`, so a
/// transcript on disk is at most that far behind and complete when the run fails, times out or is interrupted.
/// When a secret value becomes known after events were written (a `capture:` into a secret variable),
/// `finish()` rewrites both files with every secret masked, and `text` uses the final set of secrets too.
/// Thread-safe: connection events arrive from event-loop threads.
public final class TranscriptWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var redactor: Redactor
    private let startNanos: UInt64
    private let clock: @Sendable () -> UInt64
    private var jsonlHandle: FileHandle?
    private var textHandle: FileHandle?
    private var jsonlBuffer = TranscriptByteSink()
    private var textBuffer = TranscriptByteSink()
    /// Flushes the buffers when events have been waiting for `flushIntervalNanos`.
    private var flushTimer: DispatchSourceTimer?
    private var flushScheduled = false
    private let flushIntervalNanos: Int = 50_000_000
    private static let flushQueue = DispatchQueue(label: "wscenario.transcript-flush")
    /// The events kept for the text rendering of reports: the first and the last 2,500.
    private var kept = TranscriptKeptRing(limit: 2500)
    /// UTF-8 bytes of a string field kept for the report text (which shows 400 characters; the rest covers secrets
    /// masked late: a mask can be shorter or longer than the secret).
    static let keptBytes = 4 * 1024
    private var events: [TranscriptEvent] = []
    private let keepEvents: Bool
    private let observer: (@Sendable (String) -> Void)?
    private var finished = false
    private let location: TranscriptLocation?
    private var recordedAny = false
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
        if let location {
            let manager = FileManager.default
            try manager.createDirectory(
                at: location.jsonl.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = manager.createFile(atPath: location.jsonl.path, contents: nil)
            _ = manager.createFile(atPath: location.text.path, contents: nil)
            jsonlHandle = try FileHandle(forWritingTo: location.jsonl)
            textHandle = try FileHandle(forWritingTo: location.text)
        }
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
            if redactor.add(values), recordedAny { secretsLearnedLate = true }
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
        lock.withLock {
            guard !finished else { return }
            recordLocked(
                .event(TranscriptEvent(time: time, kind: kind, connection: connection, step: step, fields: fields)))
        }
    }

    /// Records a `frame_out` or `frame_in` event for `frame`, its payload shown as text (when valid UTF-8) only
    /// with `preferText`.
    public func recordFrame(
        _ kind: TranscriptEventKind, connection: String, step: String?, at nanos: UInt64, frame: FrameRecord,
        preferText: Bool
    ) {
        let time = elapsed(at: nanos)
        lock.withLock {
            guard !finished else { return }
            recordLocked(
                .frame(
                    time: time, kind: kind, connection: connection, step: step, record: frame,
                    preferText: preferText)
            ) { json, text in
                TranscriptDirectEncoder.encodeFrame(
                    time: time, kind: kind, connection: connection, step: step, frame: frame, preferText: preferText,
                    json: &json, text: &text)
            }
        }
    }

    /// Records a `message_in` event for a data message of `length` bytes, of which `shown` are the first (at most
    /// `FrameRecord.keptPayloadBytes`).
    public func recordMessage(
        connection: String, step: String?, at nanos: UInt64, isText: Bool, shown: [UInt8], length: Int
    ) {
        let time = elapsed(at: nanos)
        lock.withLock {
            guard !finished else { return }
            recordLocked(
                .message(time: time, connection: connection, step: step, isText: isText, shown: shown, length: length)
            ) { json, text in
                shown.withUnsafeBufferPointer {
                    TranscriptDirectEncoder.encodeMessage(
                        time: time, connection: connection, step: step, isText: isText, shown: $0, length: length,
                        json: &json, text: &text)
                }
            }
        }
    }

    /// Records the `step_end` of a passed step that took `duration` seconds (rounded to microseconds).
    public func recordStepPassed(step: String, duration: Double, at nanos: UInt64? = nil) {
        let time = elapsed(at: nanos)
        lock.withLock {
            guard !finished else { return }
            recordLocked(.stepPassed(time: time, step: step, duration: duration)) { json, text in
                TranscriptDirectEncoder.encodeStepPassed(
                    time: time, step: step, duration: duration, json: &json, text: &text)
                return true
            }
        }
    }

    /// Records `event` (called with the lock held): `direct`, when given and nothing needs masking, writes its
    /// lines from the event's data and returns true, or returns false having written nothing.
    private func recordLocked(
        _ event: consuming TranscriptKeptEvent,
        direct: (inout TranscriptByteSink, inout TranscriptByteSink) -> Bool = { _, _ in false }
    ) {
        if !redactor.isEmpty {
            var masked = event.event
            masked.fields = masked.fields.map { ($0.0, redactor.redact($0.1)) }
            event = .event(masked)
        }
        recordedAny = true
        if keepEvents { events.append(event.event) }
        // No files and nobody watching (`--no-transcripts`): only the events kept for reports are needed.
        guard jsonlHandle != nil || textHandle != nil || observer != nil else {
            kept.append(consume event)
            return
        }
        let textStart = textBuffer.count
        let written: Bool
        if case .event = event { written = false } else { written = direct(&jsonlBuffer, &textBuffer) }
        if !written { TranscriptLineEncoder.encode(event.event, json: &jsonlBuffer, text: &textBuffer) }
        if let observer {
            observer(
                textBuffer.withBytes(in: textStart..<(textBuffer.count - 1)) { String(decoding: $0, as: UTF8.self) }
            )
        }
        kept.append(consume event)
        if jsonlBuffer.count > 64 * 1024 || textBuffer.count > 64 * 1024 {
            writeBuffers()
        } else {
            scheduleFlush()
        }
    }

    /// Writes buffered events to disk.
    public func flush() {
        lock.withLock { writeBuffers() }
    }

    /// Flushes and closes the files (redacting them again when a secret became known late); later events are
    /// dropped. Returns what went wrong rewriting the files, if anything.
    @discardableResult
    public func finish() -> String? {
        lock.withLock {
            guard !finished else { return nil }
            writeBuffers()
            flushTimer?.cancel()
            flushTimer = nil
            try? jsonlHandle?.close()
            try? textHandle?.close()
            jsonlHandle = nil
            textHandle = nil
            finished = true
            guard secretsLearnedLate, let location else { return nil }
            do {
                try TranscriptRedaction.rewrite(location, redactor: redactor)
                return nil
            } catch {
                return "cannot redact the transcript \(location.jsonl.path): \(error.localizedDescription)"
            }
        }
    }

    /// The text rendering so far, with every secret known now masked (for reports; very long transcripts keep
    /// their first and last lines).
    public var text: String {
        lock.withLock {
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
            let gap = "… \(kept.omitted) lines omitted (see the .txt transcript) …"
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

    /// Every event so far (only kept with `keepEvents`).
    public var recordedEvents: [TranscriptEvent] { lock.withLock { events } }

    /// Arms the flush timer for buffered events (called with the lock held; only with files to write).
    private func scheduleFlush() {
        guard !flushScheduled, jsonlHandle != nil || textHandle != nil else { return }
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

    private func writeBuffers() {
        flushScheduled = false
        if !jsonlBuffer.isEmpty {
            jsonlBuffer.withBytes { try? jsonlHandle?.write(contentsOf: UnsafeRawBufferPointer($0)) }
            jsonlBuffer.removeAll(keepingCapacityUpTo: 256 * 1024)
        }
        if !textBuffer.isEmpty {
            textBuffer.withBytes { try? textHandle?.write(contentsOf: UnsafeRawBufferPointer($0)) }
            textBuffer.removeAll(keepingCapacityUpTo: 256 * 1024)
        }
    }
}
