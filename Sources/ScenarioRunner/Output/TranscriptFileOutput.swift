import Foundation

/// One scenario's transcript files and the encoded lines waiting to be written to them. Not thread-safe: the
/// transcript writer uses it under its output lock.
final class TranscriptFileOutput {
    private var jsonlHandle: FileHandle?
    private var textHandle: FileHandle?
    // `@exclusivity(unchecked)`: used under the writer's output lock only; the runtime's access checks cost
    // time on every event (BENCHMARKS.md, session 6).
    @exclusivity(unchecked) private var json = TranscriptByteSink()
    @exclusivity(unchecked) private var text = TranscriptByteSink()
    /// Buffered bytes are written once either buffer holds this many.
    static let writeThreshold = 64 * 1024

    /// Opens (creates or truncates) the files at `location`; `nil` writes nothing to disk.
    init(location: TranscriptLocation?) throws {
        guard let location else { return }
        let manager = FileManager.default
        try manager.createDirectory(at: location.jsonl.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = manager.createFile(atPath: location.jsonl.path, contents: nil)
        _ = manager.createFile(atPath: location.text.path, contents: nil)
        jsonlHandle = try FileHandle(forWritingTo: location.jsonl)
        textHandle = try FileHandle(forWritingTo: location.text)
    }

    /// Whether the files are open.
    var isOpen: Bool { jsonlHandle != nil || textHandle != nil }

    /// Encodes `events` in order, handing each text line (without its newline) to `observer`, and writes the
    /// buffers whenever they grow past `writeThreshold`.
    func append(_ events: [TranscriptKeptEvent], observer: ((String) -> Void)?) {
        // Through the buffer pointer each event is borrowed; the array's subscript would copy it out (a retain and
        // a release of everything it holds, per event).
        events.withUnsafeBufferPointer { events in
            for index in events.indices {
                let textStart = text.count
                events[index].encode(json: &json, text: &text)
                if let observer {
                    observer(text.withBytes(in: textStart..<(text.count - 1)) { String(decoding: $0, as: UTF8.self) })
                }
                if json.count > TranscriptFileOutput.writeThreshold
                    || text.count > TranscriptFileOutput.writeThreshold
                {
                    write()
                }
            }
        }
    }

    /// Writes everything buffered (dropped when the files are closed or were never opened).
    func write() {
        if !json.isEmpty {
            json.withBytes { try? jsonlHandle?.write(contentsOf: UnsafeRawBufferPointer($0)) }
            json.removeAll(keepingCapacityUpTo: 256 * 1024)
        }
        if !text.isEmpty {
            text.withBytes { try? textHandle?.write(contentsOf: UnsafeRawBufferPointer($0)) }
            text.removeAll(keepingCapacityUpTo: 256 * 1024)
        }
    }

    /// Writes what is buffered and closes the files.
    func close() {
        write()
        try? jsonlHandle?.close()
        try? textHandle?.close()
        jsonlHandle = nil
        textHandle = nil
    }
}
