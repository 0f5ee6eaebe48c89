import Foundation
import Yams

/// Reads a YAML stream into `YAMLNode` documents, turning Yams' errors into diagnostics.
struct YAMLDocumentReader {
    /// The documents read, and the errors: duplicate keys (each reported, the repeated key then ignored so
    /// that the rest of the file is still checked) and at most one syntax error (parsing stops there).
    struct Result: Sendable {
        var documents: [YAMLNode]
        var errors: [Diagnostic]
    }

    let file: String
    let source: String

    /// Marks a repeated key that was renamed to parse on; such pairs are dropped while converting.
    static let placeholderBase: UInt32 = 0xF0000

    func read() -> Result {
        var text = source
        var errors: [Diagnostic] = []
        for attempt in 0..<64 {
            var documents: [YAMLNode] = []
            do {
                let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
                while let root = try parser.nextRoot() {
                    documents.append(convert(root))
                }
                return Result(documents: documents, errors: errors.sorted(by: ScenarioLoader.sourceOrder))
            } catch let error as YamlError {
                let (diagnostic, repeated) = self.diagnostic(for: error)
                errors.append(diagnostic)
                guard let repeated, let renamed = rename(repeated, in: text, attempt: attempt) else {
                    return Result(documents: documents, errors: errors.sorted(by: ScenarioLoader.sourceOrder))
                }
                text = renamed
            } catch {
                errors.append(Diagnostic(.error, "\(error)", at: location(line: 1, column: 1)))
                return Result(documents: documents, errors: errors)
            }
        }
        return Result(documents: [], errors: errors)
    }

    /// Replaces the repeated key at `key` (same number of Unicode scalars, so positions stay the same) with
    /// private-use characters that mark it for removal.
    private func rename(_ key: (location: SourceLocation, length: Int), in text: String, attempt: Int) -> String? {
        var scalars = Array(text.unicodeScalars)
        let lines = SourceLines.lineRanges(of: scalars)
        let lineIndex = key.location.line - 1, column = key.location.column - 1
        guard lineIndex < lines.count, let marker = Unicode.Scalar(Self.placeholderBase + UInt32(attempt)) else {
            return nil
        }
        let line = lines[lineIndex]
        guard column + key.length <= line.count else { return nil }
        var start = line.lowerBound + column
        if scalars[start] == "\"" || scalars[start] == "'" { start += 1 }
        guard start + key.length <= line.upperBound else { return nil }
        for index in start..<(start + key.length) { scalars[index] = marker }
        return String(String.UnicodeScalarView(scalars))
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    private func location(_ mark: Mark?) -> SourceLocation {
        location(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private func convert(_ node: Node) -> YAMLNode {
        switch node {
        case .scalar(let scalar):
            return YAMLNode(
                content: .scalar(scalar.string), tag: customTag(scalar.tag), isPlain: scalar.style == .plain,
                location: location(scalar.mark), standardTag: standardTag(scalar.tag))
        case .mapping(let mapping):
            let pairs = mapping.filter { !Self.isPlaceholder($0.key) }
                .map { YAMLPair(key: convert($0.key), value: convert($0.value)) }
            return YAMLNode(
                content: .mapping(YAMLMergeKeys.apply(to: pairs)), tag: customTag(mapping.tag), isPlain: false,
                location: location(mapping.mark), standardTag: standardTag(mapping.tag))
        case .sequence(let sequence):
            return YAMLNode(
                content: .sequence(sequence.map(convert)), tag: customTag(sequence.tag), isPlain: false,
                location: location(sequence.mark), standardTag: standardTag(sequence.tag))
        case .alias(let alias):
            return YAMLNode(content: .scalar(""), tag: nil, isPlain: true, location: location(alias.mark))
        }
    }

    private static func isPlaceholder(_ key: Node) -> Bool {
        guard let first = key.scalar?.string.unicodeScalars.first else { return false }
        return first.value >= placeholderBase && first.value < placeholderBase + 64
    }

    private func standardTag(_ tag: Tag) -> String? {
        let prefix = "tag:yaml.org,2002:"
        let raw = tag.rawValue
        guard raw.hasPrefix(prefix) else { return nil }
        return String(raw.dropFirst(prefix.count))
    }

    private func customTag(_ tag: Tag) -> String? {
        let raw = tag.rawValue
        if raw.hasPrefix("tag:yaml.org,2002:") || raw == "!" || raw.isEmpty { return nil }
        return raw
    }

    private func diagnostic(for error: YamlError) -> (Diagnostic, (location: SourceLocation, length: Int)?) {
        let lines = SourceLines(source)
        func make(_ message: String, _ mark: Mark) -> Diagnostic {
            let at = location(mark)
            return Diagnostic(.error, message, at: at, sourceLine: lines.line(at.line))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if let text = lines.line(mark.line),
                let tab = YAMLErrorHints.indentationTab(in: text, errorColumn: mark.column)
            {
                let at = location(line: mark.line, column: tab)
                let message = "tabs are not allowed for indentation in YAML: use spaces"
                return (Diagnostic(.error, message, at: at, sourceLine: text), nil)
            }
            if let context, context.mark.line < mark.line,
                let unclosed = YAMLErrorHints.unclosedConstruct(context.text)
            {
                // The parser only notices an unclosed quote or bracket where it gives up (often the end of
                // the file); the place to fix is where it was opened.
                var message = "invalid YAML: \(unclosed.what) that starts here is never closed ("
                message += "\(problem) at line \(mark.line), column \(mark.column)); \(unclosed.fix)"
                let nearby = [context.mark.line, mark.line, mark.line - 1].compactMap { lines.line($0) }
                if nearby.contains(where: { YAMLErrorHints.unquotedPlaceholderInFlow($0) }) {
                    message += "; " + YAMLErrorHints.quotePlaceholders
                }
                return (make(message, context.mark), nil)
            }
            if problem.hasPrefix("Maximum nesting level reached") {
                // libyaml's own words name its C API; what the author can do about it is flatten the file.
                let message =
                    "invalid YAML: mappings and lists nest too deeply here (libyaml's limit is 1000 levels); "
                    + "flatten the structure, e.g. move nested steps into an included file"
                return (make(message, mark), nil)
            }
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            message += "; check the indentation and quoting here"
            let nearby = [mark.line, mark.line - 1].compactMap { lines.line($0) }
            if nearby.contains(where: { YAMLErrorHints.unquotedPlaceholderInFlow($0) }) {
                message += "; " + YAMLErrorHints.quotePlaceholders
            }
            return (make(message, mark), nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let second = secondOccurrence(of: key, after: context.mark, in: lines)
            let at = second ?? location(context.mark)
            let repeated = second.map { ($0, key.unicodeScalars.count) }
            return (
                Diagnostic(
                    .error,
                    "duplicate key '\(key)' (first at line \(context.mark.line)): each key may appear only once "
                        + "in a mapping; remove or rename one", at: at, sourceLine: lines.line(at.line)), repeated
            )
        case .reader(let problem, _, _, _):
            return (
                Diagnostic(.error, "cannot read the file as UTF-8 YAML: \(problem)", at: location(line: 1, column: 1)),
                nil
            )
        default:
            return (Diagnostic(.error, "invalid YAML: \(error)", at: location(line: 1, column: 1)), nil)
        }
    }

    /// Finds the repeated key on a later line at the same column (Yams reports the first occurrence).
    private func secondOccurrence(of key: String, after mark: Mark, in lines: SourceLines) -> SourceLocation? {
        guard mark.line >= 1 else { return nil }
        for number in stride(from: mark.line, through: lines.count, by: 1) {
            guard let text = lines.line(number) else { continue }
            let scalars = Array(text.unicodeScalars)
            let start = number == mark.line ? mark.column : 0
            var column = start
            while column < scalars.count {
                let rest = String(String.UnicodeScalarView(scalars[column...]))
                if rest.hasPrefix(key), column > mark.column - 1 || number > mark.line {
                    let after = rest.dropFirst(key.count).drop { $0 == " " || $0 == "\"" || $0 == "'" }
                    if after.hasPrefix(":") { return location(line: number, column: column + 1) }
                }
                column += 1
            }
        }
        return nil
    }
}
