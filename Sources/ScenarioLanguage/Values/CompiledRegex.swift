import Foundation

/// A regular expression compiled once at load time (ICU syntax, as `NSRegularExpression`).
public struct CompiledRegex: @unchecked Sendable, CustomStringConvertible {
    // NSRegularExpression is immutable and thread-safe once created.
    private let expression: NSRegularExpression

    /// The pattern as written in the scenario.
    public let pattern: String

    /// Compiles `pattern`; throws when it is not a valid regular expression.
    public init(_ pattern: String) throws {
        self.pattern = pattern
        self.expression = try NSRegularExpression(pattern: pattern, options: [])
    }

    /// Whether the expression matches somewhere in `text` (unanchored, like `grep`).
    public func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }

    /// The first capture group of the first match (or the whole match when the pattern has no group).
    public func firstGroup(in text: String) -> String? {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        guard let match = expression.firstMatch(in: text, options: [], range: range) else { return nil }
        let groupRange = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
        guard groupRange.location != NSNotFound, let swiftRange = Range(groupRange, in: text) else { return nil }
        return String(text[swiftRange])
    }

    /// The number of capture groups in the pattern.
    public var groupCount: Int { expression.numberOfCaptureGroups }

    /// `/pattern/`.
    public var description: String { "/\(pattern)/" }
}
