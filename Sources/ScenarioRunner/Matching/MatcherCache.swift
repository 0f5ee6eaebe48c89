import ScenarioLanguage

/// Resolved matchers that reference no variables, kept per scenario so that a step in a `repeat` (and the
/// scenario's `ignore:` list) is resolved once instead of on every step. Matchers with template references are
/// resolved every time, since the variables they read may change. Used from the interpreter's task only.
final class MatcherCache {
    @exclusivity(unchecked) private var literal: [String: ResolvedMatcher] = [:]
    /// The entry found last: a `repeat` asks for the same one on every pass, answered without hashing the key.
    @exclusivity(unchecked) private var last: (key: String, matcher: ResolvedMatcher)?

    /// The resolved form of `matcher`, cached under `key` (the step path and matcher position) when resolving it
    /// looked up no variables.
    func resolve(
        _ matcher: MessageMatcher, key: String, lookup: (TemplateReference) throws -> JSONValue
    ) throws -> ResolvedMatcher {
        if let last, last.key == key { return last.matcher }
        if let cached = literal[key] {
            last = (key, cached)
            return cached
        }
        var lookedUp = false
        let resolved = try ResolvedMatcher(matcher) { reference in
            lookedUp = true
            return try lookup(reference)
        }
        if !lookedUp { literal[key] = resolved }
        return resolved
    }
}
