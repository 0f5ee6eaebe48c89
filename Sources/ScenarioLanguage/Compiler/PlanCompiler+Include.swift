import Foundation

extension PlanCompiler {
    /// How many included files may nest.
    static let maximumIncludeDepth = 100

    func include(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        guard let keys = arguments(value, "include", allowed: ["file", "vars"], shortKey: "file") else { return nil }
        guard let fileNode = require(keys, "file", "include", value), let path = string(fileNode, "file") else {
            return nil
        }
        // Included files are compiled with the scenario, before any variable has a value.
        if path.contains("${") {
            error(
                "include cannot use ${...} in its file: write the path itself (it is read when the scenario is "
                    + "loaded, relative to the including file)", fileNode)
            return nil
        }
        let resolved = PathNormalizer.lexical(resolve(path: path))
        if scope.includeStack.contains(resolved) {
            let start = scope.includeStack.firstIndex(of: resolved) ?? 0
            let chain = (scope.includeStack[start...] + [resolved]).map { ($0 as NSString).lastPathComponent }
            let trail = collector.includeTrail
            collector.includeTrail = []  // the message names the chain already
            error("include cycle: \(chain.joined(separator: " → ")); remove one of these includes", fileNode)
            collector.includeTrail = trail
            return nil
        }
        // Each level costs stack while compiling (and running): a chain this deep is a mistake, not a suite.
        guard scope.includeStack.count < PlanCompiler.maximumIncludeDepth else {
            error(
                "includes nest deeper than \(PlanCompiler.maximumIncludeDepth) files here: flatten the chain of "
                    + "included files", fileNode)
            return nil
        }
        let includeVars = keys["vars"].map { variableAssignments($0.value, "include vars") } ?? []
        guard let entry = sources.entry(for: resolved) else {
            error(
                "included file '\(path)' not found (looked for \(resolved)); paths are relative to the including "
                    + "file", fileNode)
            return nil
        }
        included.insert(PathNormalizer.absolute(resolved))
        collector.includeTrail.append(fileNode.location)
        defer { collector.includeTrail.removeLast() }
        entry.result.errors.forEach(collector.add)
        guard let document = entry.result.documents.first(where: { !$0.isNull }) else {
            if entry.result.errors.isEmpty { error("included file '\(path)' has no steps", fileNode) }
            return nil
        }
        if entry.result.documents.count > 1, let second = entry.result.documents.dropFirst().first {
            error("an included file holds one document: remove the '---' and what follows", second)
        }
        let allowed = ["name", "description", "tags", "vars", "steps"]
        guard let fragment = mapping(document, "an included file", allowed: allowed) else { return nil }
        scope.includeStack.append(resolved)
        directories.append((resolved as NSString).deletingLastPathComponent)
        defer {
            scope.includeStack.removeLast()
            directories.removeLast()
        }
        let overridden = Set(includeVars.map(\.name)).union(commandLineVariables.keys)
        var defaults: [VariableAssignment] = []
        if let node = fragment["vars"]?.value {
            defaults = variableAssignments(node, "vars").filter { !overridden.contains($0.name) }
        }
        guard let stepsNode = fragment["steps"]?.value else {
            error("an included file needs steps:", document)
            return nil
        }
        let nested = steps(stepsNode, "steps")
        return .include(IncludeStep(file: resolved, vars: includeVars, defaults: defaults, steps: nested))
    }
}
