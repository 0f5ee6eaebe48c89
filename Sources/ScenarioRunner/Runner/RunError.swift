import ScenarioLanguage

/// Why a run could not start: invalid scenario files, no scenario selected, or a transcripts directory or
/// report file that cannot be written (exit status 2).
public struct RunError: Error, Sendable, CustomStringConvertible {
    private enum Reason: Sendable {
        case invalidFiles
        case noScenarios(String)
        case noFiles(paths: [String], filesFound: Bool)
        case transcriptsUnwritable(directory: String, reason: String)
        case reportUnwritable(format: String, path: String, reason: String)
    }

    private let reason: Reason
    /// The diagnostics (errors and warnings) of the loaded files.
    public let diagnostics: [Diagnostic]

    static func invalidFiles(_ diagnostics: [Diagnostic]) -> RunError {
        RunError(reason: .invalidFiles, diagnostics: diagnostics)
    }

    static func noScenarios(_ detail: String) -> RunError { RunError(reason: .noScenarios(detail), diagnostics: []) }

    static func noFiles(_ paths: [String], filesFound: Bool) -> RunError {
        RunError(reason: .noFiles(paths: paths, filesFound: filesFound), diagnostics: [])
    }

    static func transcriptsUnwritable(_ directory: String, reason: String) -> RunError {
        RunError(reason: .transcriptsUnwritable(directory: directory, reason: reason), diagnostics: [])
    }

    static func reportUnwritable(_ report: ReportRequest, reason: String) -> RunError {
        RunError(reason: .reportUnwritable(format: report.format, path: report.path, reason: reason), diagnostics: [])
    }

    /// Whether the files were invalid (diagnostics hold the errors).
    public var isInvalidFiles: Bool {
        if case .invalidFiles = reason { return true }
        return false
    }

    public var description: String {
        switch reason {
        case .invalidFiles: return diagnostics.filter { $0.severity == .error }.map(\.rendered).joined(separator: "\n")
        case .noScenarios(let detail): return "error: no scenario selected: \(detail)"
        case .noFiles(let paths, let filesFound):
            return "error: no scenario\(filesFound ? "s" : " files") found in \(paths.joined(separator: ", "))"
        case .transcriptsUnwritable(let directory, let reason):
            return "error: cannot write transcripts to \(directory): \(reason)"
        case .reportUnwritable(let format, let path, let reason):
            return "error: cannot write the \(format) report to \(path): \(reason)"
        }
    }
}
