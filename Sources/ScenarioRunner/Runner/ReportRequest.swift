/// A report to write at the end of a run (`--report junit=FILE`, `json=FILE`, `tap=FILE`, `html=FILE`).
public enum ReportRequest: Sendable, Equatable {
    case junit(path: String)
    case json(path: String)
    /// TAP version 14.
    case tap(path: String)
    /// A self-contained HTML page for people.
    case html(path: String)

    /// Parses `junit=FILE`, `json=FILE`, `tap=FILE` or `html=FILE`; nil when the format is unknown or the path is missing.
    public init?(argument: String) {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        let format = argument[..<equals].lowercased()
        let path = String(argument[argument.index(after: equals)...])
        guard !path.isEmpty else { return nil }
        switch format {
        case "junit", "xml": self = .junit(path: path)
        case "json": self = .json(path: path)
        case "tap": self = .tap(path: path)
        case "html": self = .html(path: path)
        default: return nil
        }
    }

    /// The format's name as written on the command line (`junit`, `json`, `tap`, `html`).
    public var format: String {
        switch self {
        case .junit: return "junit"
        case .json: return "json"
        case .tap: return "tap"
        case .html: return "html"
        }
    }

    /// The file to write.
    public var path: String {
        switch self {
        case .junit(let path), .json(let path), .tap(let path), .html(let path): return path
        }
    }
}
