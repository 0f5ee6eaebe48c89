import Foundation

/// Loads scenario files into a validated plan: reads files and directories, parses YAML, compiles and
/// validates every scenario, and collects every diagnostic. Performs no network I/O.
public struct ScenarioLoader: Sendable {
    /// Creates a loader.
    public init() {}

    /// Loads `paths` (files and/or directories, searched recursively for `.yaml`/`.yml`, skipping
    /// `*.vars.yaml` and dot-files). `variables` are the `--var`/`--vars` values: they replace `vars:`
    /// values and count as defined. Files included by another loaded file are fragments, not scenarios.
    public func load(paths: [String], variables: [String: JSONValue] = [:]) -> LoadedSuite {
        let discovery = ScenarioFileDiscovery.discover(paths)
        let cache = SourceCache()
        cache.preload(discovery.files)
        return compile(
            files: discovery.files, explicit: discovery.explicit, problems: discovery.problems, cache: cache,
            variables: variables)
    }

    /// Loads scenarios from YAML text already in memory; `file` names it in diagnostics and locations, and
    /// relative `include:`/`file:` paths are resolved against its directory.
    public func load(yaml: String, file: String, variables: [String: JSONValue] = [:]) -> LoadedSuite {
        let cache = SourceCache()
        _ = cache.add(file: file, source: yaml)
        return compile(
            files: [file], explicit: [PathNormalizer.absolute(file)], problems: [], cache: cache, variables: variables)
    }

    private func compile(
        files: [String], explicit: Set<String>, problems: [Diagnostic], cache: SourceCache,
        variables: [String: JSONValue]
    ) -> LoadedSuite {
        var results: [(file: ScenarioFile, diagnostics: [Diagnostic])] = []
        var graph = IncludeGraph(reachable: [:], order: [])
        for path in files {
            let collector = DiagnosticCollector(sources: cache.registry)
            let compiler = PlanCompiler(collector: collector, sources: cache, commandLineVariables: variables)
            compiler.directories = [(path as NSString).deletingLastPathComponent]
            compiler.scope.includeStack = [PathNormalizer.lexical(path)]
            var scenarios: [Scenario] = []
            var documentCount = 0
            if let entry = cache.entry(for: path) {
                scenarios = compileDocuments(entry.result.documents, compiler: compiler)
                documentCount = entry.result.documents.filter { !$0.isNull }.count
                if entry.result.errors.isEmpty, entry.result.documents.allSatisfy(\.isNull) {
                    collector.warning(
                        "this file holds no scenario: add 'name:' and 'steps:'",
                        at: SourceLocation(file: path, line: 1, column: 1))
                }
                entry.result.errors.forEach(collector.add)
            } else {
                collector.add(Diagnostic(.error, "cannot read '\(path)'", at: nil))
            }
            graph.order.append(PathNormalizer.absolute(path))
            graph.reachable[PathNormalizer.absolute(path)] = compiler.included
            let diagnostics = collector.diagnostics.sorted(by: Self.sourceOrder)
            let hasErrors = diagnostics.contains { $0.severity == .error }
            let file = ScenarioFile(
                path: path, scenarios: scenarios, hasErrors: hasErrors, documentCount: documentCount)
            results.append((file, diagnostics))
        }
        let roots = graph.fragmentRoots()
        var kept: [ScenarioFile] = []
        var diagnostics = problems
        for (file, fileDiagnostics) in results {
            let key = PathNormalizer.absolute(file.path)
            guard let root = roots[key] else {
                kept.append(file)
                diagnostics += fileDiagnostics
                continue
            }
            // A fragment: its problems are reported where its includer includes it. Say so when it was named.
            guard explicit.contains(key) else { continue }
            let includer = results.first { PathNormalizer.absolute($0.file.path) == root }?.file.path ?? root
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "this file is included by \(includer): it is checked as part of that file and not run on "
                        + "its own", at: SourceLocation(file: file.path, line: 1, column: 1)))
        }
        var seen: Set<String> = []
        return LoadedSuite(files: kept, diagnostics: diagnostics.filter { seen.insert($0.header).inserted })
    }

    private func compileDocuments(_ documents: [YAMLNode], compiler: PlanCompiler) -> [Scenario] {
        var scenarios: [Scenario] = []
        var names: [String: SourceLocation] = [:]
        for (index, document) in documents.enumerated() where !document.isNull {
            guard let scenario = compiler.scenario(document, index: index) else { continue }
            if let first = names[scenario.name] {
                compiler.collector.error(
                    "duplicate scenario name '\(scenario.name)' (first at line \(first.line)): names must be unique "
                        + "within a file; rename one", at: scenario.location)
                continue
            }
            names[scenario.name] = scenario.location
            scenarios.append(scenario)
        }
        return scenarios
    }

    static func sourceOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        guard let a = lhs.location, let b = rhs.location else { return lhs.location == nil && rhs.location != nil }
        return (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
