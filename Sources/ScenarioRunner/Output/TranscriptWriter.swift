import Foundation

/// Writes one scenario's transcript incrementally: JSON Lines plus the text rendering beside it.
///
/// Events are buffered and written at step ends (`flush()`), when the buffer grows past 64 KiB, and on
/// `finish()`, so a transcript is complete up to the last step even when the run is interrupted.
/// Thread-safe: connection events arrive from event-loop threads.
public final class TranscriptWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var redactor: Redactor
    private let startNanos: UInt64
    private let clock: @Sendable () -> UInt64
    private var jsonlHandle: FileHandle?
    private var textHandle: FileHandle?
    private var jsonlBuffer = ""
    private var textBuffer = ""
    /// The text rendering kept for reports: the first and the last `keptLines` lines.
    private var headLines: [String] = []
    private var tailLines: [String] = []
    private var tailStart = 0
    private var omittedLines = 0
    private let keptLines = 2500
    private var events: [TranscriptEvent] = []
    private let keepEvents: Bool
    private let observer: (@Sendable (String) -> Void)?
    private var finished = false

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

    /// Seconds since the scenario started, for `nanos` (a monotonic reading) or now.
    public func elapsed(at nanos: UInt64? = nil) -> Double {
        let now = nanos ?? clock()
        return now >= startNanos ? Double(now - startNanos) / 1e9 : 0
    }

    /// Adds values that must be masked from now on.
    public func addSecrets(_ values: [String]) {
        lock.withLock { redactor.add(values) }
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
            let redacted = fields.map { ($0.0, redactor.redact($0.1)) }
            let event = TranscriptEvent(time: time, kind: kind, connection: connection, step: step, fields: redacted)
            let line = TranscriptTextRenderer.line(event)
            jsonlBuffer += event.json.serialized() + "\n"
            textBuffer += line + "\n"
            keep(line)
            if keepEvents { events.append(event) }
            observer?(line)
            if jsonlBuffer.utf8.count > 64 * 1024 { writeBuffers() }
        }
    }

    /// Writes buffered events to disk.
    public func flush() {
        lock.withLock { writeBuffers() }
    }

    /// Flushes and closes the files; later events are dropped.
    public func finish() {
        lock.withLock {
            writeBuffers()
            try? jsonlHandle?.close()
            try? textHandle?.close()
            jsonlHandle = nil
            textHandle = nil
            finished = true
        }
    }

    /// The text rendering so far (for reports; very long transcripts keep their first and last lines).
    public var text: String {
        lock.withLock {
            let tail = Array(tailLines[tailStart...] + tailLines[..<tailStart])
            guard omittedLines > 0 else { return (headLines + tail).joined(separator: "\n") }
            let gap = "… \(omittedLines) lines omitted (see the .txt transcript) …"
            return (headLines + [gap] + tail).joined(separator: "\n")
        }
    }

    private func keep(_ line: String) {
        if headLines.count < keptLines {
            headLines.append(line)
        } else if tailLines.count < keptLines {
            tailLines.append(line)
        } else {
            tailLines[tailStart] = line
            tailStart = (tailStart + 1) % keptLines
            omittedLines += 1
        }
    }

    /// Every event so far (only kept with `keepEvents`).
    public var recordedEvents: [TranscriptEvent] { lock.withLock { events } }

    private func writeBuffers() {
        if !jsonlBuffer.isEmpty {
            try? jsonlHandle?.write(contentsOf: Data(jsonlBuffer.utf8))
            jsonlBuffer = ""
        }
        if !textBuffer.isEmpty {
            try? textHandle?.write(contentsOf: Data(textBuffer.utf8))
            textBuffer = ""
        }
    }
}
