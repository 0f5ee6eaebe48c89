import Foundation

/// Reads and parses scenario files once each (included files may be used many times).
final class SourceCache {
    struct Entry {
        var source: String
        var result: YAMLDocumentReader.Result
    }

    private var entries: [String: Entry] = [:]
    let registry = SourceRegistry()

    init() {}

    /// Registers in-memory text as the content of `file`.
    func add(file: String, source: String) -> Entry {
        let entry = Entry(source: source, result: YAMLDocumentReader(file: file, source: source).read())
        entries[file] = entry
        registry.register(file: file, source: source)
        return entry
    }

    /// The parsed file, or nil when it cannot be read.
    func entry(for file: String) -> Entry? {
        if let entry = entries[file] { return entry }
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        guard let source = String(validating: data, as: UTF8.self) else {
            let entry = Entry(source: "", result: .init(documents: [], errors: [Diagnostic(
                .error, "the file is not UTF-8 text", at: SourceLocation(file: file, line: 1, column: 1))]))
            entries[file] = entry
            return entry
        }
        return add(file: file, source: source)
    }
}
