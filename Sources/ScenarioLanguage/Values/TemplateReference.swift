/// What a `${...}` placeholder in a string refers to.
public enum TemplateReference: Sendable, Hashable, CustomStringConvertible {
    /// `${name}`: a scenario variable (from `vars:`, `set:`, a capture, `--var`, or `include` vars).
    case variable(String)
    /// `${env.NAME}` or `${env.NAME:-fallback}`: an environment variable.
    case environment(name: String, fallback: String?)
    /// `${uuid}`: a fresh random UUID.
    case uuid
    /// `${now_ms}`: milliseconds since 1970.
    case nowMilliseconds
    /// `${random_int}`: a random non-negative integer.
    case randomInteger
    /// `${scenario.name}`: the running scenario's name.
    case scenarioName
    /// `${iteration}`: the innermost `repeat` loop's iteration, counting from 1.
    case iteration

    /// The placeholder as written, e.g. `${env.HOME:-/root}`.
    public var description: String {
        switch self {
        case .variable(let name): return "${\(name)}"
        case .environment(let name, let fallback):
            if let fallback { return "${env.\(name):-\(fallback)}" }
            return "${env.\(name)}"
        case .uuid: return "${uuid}"
        case .nowMilliseconds: return "${now_ms}"
        case .randomInteger: return "${random_int}"
        case .scenarioName: return "${scenario.name}"
        case .iteration: return "${iteration}"
        }
    }
}
