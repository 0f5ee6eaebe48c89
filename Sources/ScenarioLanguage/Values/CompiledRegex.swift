import Foundation

/// A regular expression compiled once at load time (ICU syntax, as `NSRegularExpression`), or, when its pattern
/// has `${...}` placeholders, compiled when its step runs (`resolved(using:)`).
public struct CompiledRegex: @unchecked Sendable, CustomStringConvertible {
    // NSRegularExpression is immutable and thread-safe once created.
    private let expression: NSRegularExpression?

    /// The pattern's placeholders, when it has some: the expression is compiled after rendering them.
    public let template: Template?

    /// The pattern as written in the scenario.
    public let pattern: String

    /// The flags written after a slash form (`/.../i`): any of `i`, `m`, `s`, `x`; empty when none.
    public let flags: String

    /// The flags a slash form may carry: `i` ignore case, `m` `^`/`$` match at line breaks, `s` `.` matches
    /// line breaks, `x` whitespace and `#` comments in the pattern are ignored.
    public static let supportedFlags = "imsx"

    /// Compiles `pattern` with `flags` (letters of `supportedFlags`); throws when it is not a valid regular
    /// expression or a flag is unknown.
    public init(_ pattern: String, flags: String = "") throws {
        self.pattern = pattern
        self.flags = flags
        self.template = nil
        self.expression = try NSRegularExpression(pattern: pattern, options: Self.options(flags))
    }

    /// A pattern with placeholders (`^order ${id}$`), compiled by `resolved(using:)` when its step runs; throws when
    /// a flag is unknown.
    public init(template: Template, flags: String = "") throws {
        _ = try Self.options(flags)
        self.pattern = template.source
        self.flags = flags
        self.template = template
        self.expression = nil
    }

    /// This expression, or for a pattern with placeholders the one compiled from the rendered pattern (values
    /// are inserted as they are, not escaped); throws `RegexRenderError` when the result is not a valid regex.
    public func resolved(using lookup: (TemplateReference) throws -> JSONValue) throws -> CompiledRegex {
        guard let template else { return self }
        let rendered = try template.render { try lookup($0).interpolationText }
        do {
            return try CompiledRegex(rendered, flags: flags)
        } catch {
            throw RegexRenderError(pattern: pattern, rendered: rendered)
        }
    }

    private static func options(_ flags: String) throws -> NSRegularExpression.Options {
        var options: NSRegularExpression.Options = []
        for flag in flags {
            switch flag {
            case "i": options.insert(.caseInsensitive)
            case "m": options.insert(.anchorsMatchLines)
            case "s": options.insert(.dotMatchesLineSeparators)
            case "x": options.insert(.allowCommentsAndWhitespace)
            default: throw CocoaError(.formatting)
            }
        }
        return options
    }

    /// Splits a slash form `/pattern/` or `/pattern/flags` (flags: distinct letters of `supportedFlags`);
    /// nil when `text` is not written that way.
    static func slashForm(_ text: String) -> (pattern: String, flags: String)? {
        guard text.count >= 2, text.hasPrefix("/"), let last = text.lastIndex(of: "/"), last > text.startIndex
        else { return nil }
        let flags = String(text[text.index(after: last)...])
        guard flags.allSatisfy(supportedFlags.contains), Set(flags).count == flags.count else { return nil }
        return (String(text[text.index(after: text.startIndex)..<last]), flags)
    }

    /// Whether the expression matches somewhere in `text` (unanchored, like `grep`).
    public func matches(_ text: String) -> Bool {
        guard let expression else { return false }  // not resolved: never reached (steps resolve first)
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }

    /// Whether ICU gave up evaluating the expression on `text` (its backtracking stack limit, e.g. `^(a|b)*$` on a
    /// few hundred thousand characters): `matches` then says no although the text was never fully looked at.
    public func gaveUp(on text: String) -> Bool {
        guard let expression else { return false }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        var failed = false
        expression.enumerateMatches(in: text, options: [.reportCompletion], range: range) { _, flags, stop in
            if flags.contains(.internalError) {
                failed = true
                stop.pointee = true
            }
        }
        return failed
    }

    /// Why a regex that did not match `text` did not: the usual `does not match`, or that ICU gave up on it.
    public func mismatchReason(_ text: String) -> String {
        guard gaveUp(on: text) else { return "does not match \(self)" }
        return "could not be checked against \(self): the regular expression engine gave up on this text of "
            + "\(text.count) characters (its backtracking limit); write the pattern so that it backtracks less, "
            + "e.g. a character class [ab]* instead of an alternation (a|b)*"
    }

    /// The first capture group of the first match (or the whole match when the pattern has no group).
    public func firstGroup(in text: String) -> String? {
        guard let expression else { return nil }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        guard let match = expression.firstMatch(in: text, options: [], range: range) else { return nil }
        let groupRange = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
        guard groupRange.location != NSNotFound else { return nil }
        // By UTF-16 range: a group may end inside a character (`e` of `e\u0301`).
        return NSString(string: text).substring(with: groupRange)
    }

    /// `/pattern/flags`.
    public var description: String { "/\(pattern)/\(flags)" }
}
