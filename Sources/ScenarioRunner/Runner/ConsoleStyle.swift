import Foundation

/// How console output looks: colours only on a terminal and not with `NO_COLOR`; GitHub annotations with
/// `GITHUB_ACTIONS=true`.
public struct ConsoleStyle: Sendable {
    public var colors: Bool
    public var githubAnnotations: Bool

    public init(colors: Bool, githubAnnotations: Bool) {
        self.colors = colors
        self.githubAnnotations = githubAnnotations
    }

    /// Decides from the environment and whether standard output is a terminal.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> ConsoleStyle {
        let tty = isatty(STDOUT_FILENO) == 1
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let ci = environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
        let term = environment["TERM"] ?? ""
        return ConsoleStyle(
            colors: tty && !noColor && !ci && term != "dumb",
            githubAnnotations: environment["GITHUB_ACTIONS"] == "true")
    }

    func green(_ text: String) -> String { paint(text, "32") }
    func red(_ text: String) -> String { paint(text, "31") }
    func yellow(_ text: String) -> String { paint(text, "33") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func bold(_ text: String) -> String { paint(text, "1") }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
