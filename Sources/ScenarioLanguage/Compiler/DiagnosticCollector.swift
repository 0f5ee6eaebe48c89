/// Collects diagnostics while compiling, attaching the source line for snippets.
final class DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []
    private let sources: SourceRegistry
    private var seen: Set<String> = []

    init(sources: SourceRegistry) {
        self.sources = sources
    }

    func add(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        if diagnostic.sourceLine == nil, let location = diagnostic.location {
            diagnostic.sourceLine = sources.lines[location.file]?.line(location.line)
        }
        guard seen.insert(diagnostic.header).inserted else { return }
        diagnostics.append(diagnostic)
    }

    func error(_ message: String, at location: SourceLocation) {
        add(Diagnostic(.error, message, at: location))
    }

    func warning(_ message: String, at location: SourceLocation) {
        add(Diagnostic(.warning, message, at: location))
    }

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}

/// The source lines of every file read, shared by the collectors for snippets.
final class SourceRegistry {
    var lines: [String: SourceLines] = [:]
}
