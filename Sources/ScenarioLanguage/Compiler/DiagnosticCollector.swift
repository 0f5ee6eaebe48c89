/// Collects diagnostics while compiling, attaching the source line for snippets.
final class DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []
    private let sources: SourceRegistry
    /// The index in `diagnostics` of each header recorded (before any include trail was added).
    private var seen: [String: Int] = [:]

    init(sources: SourceRegistry) {
        self.sources = sources
    }

    /// The `include` steps being compiled, outermost first: a diagnostic recorded meanwhile names them, so
    /// that a problem in an included file says which include brought it in. The same problem met again
    /// through another include is not repeated.
    var includeTrail: [SourceLocation] = []

    /// Records `diagnostic` (once per header).
    func add(_ diagnostic: Diagnostic) {
        record(diagnostic, scenarioScoped: false)
    }

    /// Records an error that belongs to one scenario only (it does not count in `blockingErrorCount`) and
    /// returns it with its source line attached.
    func addScenarioScoped(_ diagnostic: Diagnostic) -> Diagnostic {
        record(diagnostic, scenarioScoped: true)
    }

    @discardableResult
    private func record(_ diagnostic: Diagnostic, scenarioScoped: Bool) -> Diagnostic {
        var diagnostic = diagnostic
        if diagnostic.sourceLine == nil, let location = diagnostic.location {
            diagnostic.sourceLine = sources.line(location.line, of: location.file)
        }
        if let index = seen[diagnostic.header] { return diagnostics[index] }
        seen[diagnostic.header] = diagnostics.count
        if !includeTrail.isEmpty {
            var levels = includeTrail.reversed().map { "\($0)" }
            if levels.count > 6 {  // the innermost three and the outermost two are the ones to read
                levels = levels.prefix(3) + ["… \(levels.count - 5) more"] + levels.suffix(2)
            }
            let trail = levels.joined(separator: ", from ")
            diagnostic.message += " (included from \(trail))"
        }
        diagnostics.append(diagnostic)
        if scenarioScoped, diagnostic.severity == .error { scopedErrorCount += 1 }
        return diagnostic
    }

    /// The number of scenario-scoped errors recorded.
    private(set) var scopedErrorCount = 0

    /// The errors that make a scenario unusable (all but scenario-scoped ones).
    var blockingErrorCount: Int { errorCount - scopedErrorCount }

    func error(_ message: String, at location: SourceLocation) {
        add(Diagnostic(.error, message, at: location))
    }

    func warning(_ message: String, at location: SourceLocation) {
        add(Diagnostic(.warning, message, at: location))
    }

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

/// The source text of every file read, shared by the collectors for snippets; lines are split lazily, only
/// for files that have diagnostics.
final class SourceRegistry {
    private var sources: [String: String] = [:]
    private var lines: [String: SourceLines] = [:]

    func register(file: String, source: String) {
        sources[file] = source
        lines[file] = nil
    }

    func line(_ number: Int, of file: String) -> String? {
        if let cached = lines[file] { return cached.line(number) }
        guard let source = sources[file] else { return nil }
        let split = SourceLines(source)
        lines[file] = split
        return split.line(number)
    }
}
