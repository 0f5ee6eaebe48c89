/// One problem found while loading scenario files: an error (the file is unusable) or a warning.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Equatable {
        /// The scenario file is invalid; nothing of it may run.
        case error
        /// A likely mistake that does not stop the scenario from running.
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// What is wrong and what to do about it.
    public var message: String
    /// Where the problem is, when known.
    public var location: SourceLocation?
    /// The source line the problem is on, when known (without the newline).
    public var sourceLine: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    /// `FILE:LINE:COL: error: message` (or `error: message` without a known position).
    public var header: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }

    /// The header, followed by the source line and a caret under the column when the line is known. A long line
    /// (a base64 payload, deeply nested flow YAML) is shown as a window of about 100 characters around the column.
    public var rendered: String {
        guard let location, let sourceLine else { return header }
        var scalars = Array(sourceLine.unicodeScalars)
        var column = max(0, location.column - 1)
        let window = 100
        if scalars.count > window {
            let start = max(0, min(column - window / 2, scalars.count - window))
            let end = min(scalars.count, start + window)
            let head = start > 0 ? Array("…".unicodeScalars) : []
            let tail = end < scalars.count ? Array("…".unicodeScalars) : []
            scalars = head + scalars[start..<end] + tail
            column = column - start + head.count
        }
        let padding = String(scalars.prefix(column).map { $0 == "\t" ? "\t" : " " }.joined())
        return "\(header)\n    \(String(String.UnicodeScalarView(scalars)))\n    \(padding)^"
    }

    /// Same as `header`.
    public var description: String { header }
}
