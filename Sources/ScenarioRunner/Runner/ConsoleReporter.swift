import Foundation

/// Prints one line per finished scenario, the failures explained, and a summary line.
public final class ConsoleReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let style: ConsoleStyle
    private let quiet: Bool
    private let write: @Sendable (String) -> Void

    /// `write` receives whole lines (with their newline); the default writes to standard output.
    public init(style: ConsoleStyle, quiet: Bool = false, write: (@Sendable (String) -> Void)? = nil) {
        self.style = style
        self.quiet = quiet
        self.write =
            write ?? { text in
                ConsoleOutput.write(text, to: 1)
            }
    }

    /// A scenario finished.
    public func scenarioFinished(_ result: ScenarioResult) {
        guard !quiet || result.status == .failed || result.status == .interrupted else { return }
        let mark: String
        switch result.status {
        case .passed: mark = style.green("✓")
        case .failed: mark = style.red("✗")
        case .interrupted: mark = style.red("✗")
        case .skipped: mark = style.yellow("-")
        }
        var line =
            "\(mark) \(Self.printable(result.name)) "
            + style.dim("(\(Self.printable(result.file)), \(ConsoleReporter.duration(result.duration)))")
        if result.status == .interrupted { line += " " + style.red("interrupted") }
        if result.status == .skipped { line += " " + style.yellow("skipped") }
        emit(line + "\n")
    }

    /// A line of a streamed transcript (`--verbose`).
    public func transcriptLine(_ scenario: String, _ line: String) {
        emit(style.dim("  \(scenario) |") + " \(line)\n")
    }

    /// A warning (e.g. the inbox audit), prefixed with `FILE:LINE: ` when `file` is given.
    public func warning(_ text: String, file: String? = nil, line: Int = 0) {
        let location = file.map { line > 0 ? "\($0):\(line): " : "\($0): " } ?? ""
        emit(location + style.yellow("warning: ") + text + "\n")
    }

    /// The failures explained, then the summary line, then GitHub annotations when enabled.
    public func finished(_ summary: RunSummary) {
        let failed = summary.results.filter { $0.status == .failed || $0.status == .interrupted }
        var text = ""
        if !failed.isEmpty {
            text += "\n" + style.bold("Failures:") + "\n"
            for result in failed {
                text += "\n" + style.red("✗ \(Self.printable(result.name))") + " (\(Self.printable(result.file)))\n"
                let message = result.failure?.summary ?? "interrupted"
                for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
                    text += "    \(line)\n"
                }
                if let path = result.transcriptPath { text += style.dim("    transcript: \(path)") + "\n" }
            }
        }
        var parts = ["\(summary.passed) passed", "\(summary.failed) failed"]
        if summary.skipped > 0 { parts.append("\(summary.skipped) skipped") }
        let line = parts.joined(separator: ", ") + " in \(ConsoleReporter.duration(summary.duration))"
        text += "\n" + (summary.failed == 0 && !summary.interrupted ? style.green(line) : style.red(line)) + "\n"
        if summary.interrupted { text += style.red("interrupted") + "\n" }
        if style.githubAnnotations {
            for result in failed {
                let failure = result.failure
                let file = failure?.file ?? result.file
                let line = failure.map { $0.line > 0 ? ",line=\($0.line)" : "" } ?? ""
                let message = ConsoleReporter.annotationEscape("\(result.name): \(failure?.summary ?? "interrupted")")
                text += "::error file=\(ConsoleReporter.annotationPropertyEscape(file))\(line)::\(message)\n"
            }
        }
        emit(text)
    }

    /// `text` with control characters (C0, DEL, C1) written as `\u{1B}`, so that a scenario's name cannot move
    /// the cursor or change colours on the terminal.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private func emit(_ text: String) {
        lock.withLock { write(text) }
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
    }

    static func annotationEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value of a workflow command (`file=`): also `,` and `:`, which separate properties.
    static func annotationPropertyEscape(_ text: String) -> String {
        annotationEscape(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
