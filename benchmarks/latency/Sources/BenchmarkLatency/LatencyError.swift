/// Why latency figures could not be computed: unreadable, malformed or empty input, or a value out of range.
public struct LatencyError: Error, CustomStringConvertible, Equatable {
    private enum Kind: Equatable {
        case unreadable(path: String, reason: String)
        case malformed(source: String, line: Int, reason: String)
        case empty(source: String)
        case outOfRange(nanoseconds: UInt64)
        case negative(source: String, connection: String, index: Int)
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    /// The file at `path` could not be read.
    public static func unreadable(path: String, reason: String) -> LatencyError {
        LatencyError(.unreadable(path: path, reason: reason))
    }

    /// Line `line` (1-based) of `source` is not what the input mode expects.
    public static func malformed(source: String, line: Int, reason: String) -> LatencyError {
        LatencyError(.malformed(source: source, line: line, reason: reason))
    }

    /// `source` held no latency sample (no line, or no pair of data frames).
    public static func empty(source: String) -> LatencyError { LatencyError(.empty(source: source)) }

    /// A sample lies beyond the histogram's trackable range.
    public static func outOfRange(nanoseconds: UInt64) -> LatencyError {
        LatencyError(.outOfRange(nanoseconds: nanoseconds))
    }

    /// The `index`-th (0-based) data `frame_in` of `connection` is stamped before its paired `frame_out`.
    public static func negative(source: String, connection: String, index: Int) -> LatencyError {
        LatencyError(.negative(source: source, connection: connection, index: index))
    }

    /// True when the input held no sample at all.
    public var isEmptyInput: Bool {
        if case .empty = kind { return true }
        return false
    }

    public var description: String {
        switch kind {
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .malformed(let source, let line, let reason):
            return "\(source):\(line): \(reason)"
        case .empty(let source):
            return "\(source): no latency samples"
        case .outOfRange(let nanoseconds):
            return "latency \(nanoseconds) ns is outside the histogram's range "
                + "(\(LatencyRecorder.lowestNanoseconds) ns to \(LatencyRecorder.highestNanoseconds) ns)"
        case .negative(let source, let connection, let index):
            return "\(source): data frame_in #\(index + 1) on connection \"\(connection)\" is stamped before "
                + "its frame_out"
        }
    }
}
