import ScenarioLanguage

extension ScenarioLoader {
    /// The scenario files and directories named on the command line, `./scenarios` when there are none.
    static func commandLinePaths(_ paths: [String]) -> [String] {
        paths.isEmpty ? ["scenarios"] : paths
    }
}
