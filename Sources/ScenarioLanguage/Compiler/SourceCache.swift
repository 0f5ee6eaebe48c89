import Foundation

/// Reads and parses scenario files once each (included files may be used many times).
final class SourceCache {
    struct Entry: Sendable {
        var source: String
        var result: YAMLDocumentReader.Result
    }

    private var entries: [String: Entry] = [:]
    let registry = SourceRegistry()

    init() {}

    /// Registers in-memory text as the content of `file`.
    func add(file: String, source: String) -> Entry {
        store(Self.parse(file: file, source: source), for: file)
    }

    /// The parsed file, or nil when it cannot be read.
    func entry(for file: String) -> Entry? {
        if let entry = entries[file] { return entry }
        return Self.read(file: file).map { store($0, for: file) }
    }

    /// Reads and parses `files` on all cores (parsing is pure), so that later `entry(for:)` calls are lookups.
    func preload(_ files: [String]) {
        let slots = ParsedSlots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            slots.set(index, Self.read(file: files[index]))
        }
        for (index, file) in files.enumerated() {
            if let entry = slots.get(index) { store(entry, for: file) }
        }
    }

    @discardableResult
    private func store(_ entry: Entry, for file: String) -> Entry {
        entries[file] = entry
        registry.register(file: file, source: entry.source)
        return entry
    }

    private static func parse(file: String, source: String) -> Entry {
        let source = SourceLines.removingByteOrderMark(source)
        return Entry(source: source, result: YAMLDocumentReader(file: file, source: source).read())
    }

    private static func read(file: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        guard let source = String(validating: data, as: UTF8.self) else {
            return Entry(
                source: "",
                result: .init(
                    documents: [],
                    errors: [
                        Diagnostic(
                            .error, "the file is not UTF-8 text", at: SourceLocation(file: file, line: 1, column: 1))
                    ]))
        }
        return parse(file: file, source: source)
    }
}

/// Result slots written by concurrent workers, each to its own index, read after they all finished.
private final class ParsedSlots: @unchecked Sendable {
    private var slots: [SourceCache.Entry?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ entry: SourceCache.Entry?) {
        lock.lock()
        slots[index] = entry
        lock.unlock()
    }

    func get(_ index: Int) -> SourceCache.Entry? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }
}
