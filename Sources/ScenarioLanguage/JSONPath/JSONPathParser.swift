/// Parses RFC 9535 JSONPath queries into segments.
struct JSONPathParser {
    var scalars: [Unicode.Scalar]
    var index = 0

    init(_ source: String) { scalars = Array(source.unicodeScalars) }

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func fail(_ message: String) -> JSONPathError { JSONPathError(message: message, offset: index) }

    mutating func parseQuery() throws -> [JSONPathSegment] {
        guard current == "$" else { throw fail("a JSONPath query starts with '$'") }
        index += 1
        let segments = try parseSegments()
        guard index == scalars.count else { throw fail("unexpected '\(scalars[index])'") }
        return segments
    }

    mutating func parseSegments() throws -> [JSONPathSegment] {
        var segments: [JSONPathSegment] = []
        while true {
            let save = index
            skipBlank()
            guard let scalar = current else { index = save; return segments }
            if scalar == "." {
                if peek(1) == "." {
                    index += 2
                    segments.append(.descendant(try parseShorthandOrBracket()))
                } else {
                    index += 1
                    segments.append(.child(try parseShorthand()))
                }
            } else if scalar == "[" {
                segments.append(.child(try parseBracket()))
            } else {
                index = save
                return segments
            }
        }
    }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    mutating func skipBlank() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { index += 1 }
    }

    private mutating func parseShorthandOrBracket() throws -> [JSONPathSelector] {
        if current == "[" { return try parseBracket() }
        return try parseShorthand()
    }

    private mutating func parseShorthand() throws -> [JSONPathSelector] {
        if current == "*" {
            index += 1
            return [.wildcard]
        }
        guard let first = current, Self.isNameFirst(first) else { throw fail("expected a member name or '*'") }
        var name = String.UnicodeScalarView()
        while let scalar = current, Self.isNameFirst(scalar) || ("0"..."9").contains(scalar) {
            name.append(scalar)
            index += 1
        }
        return [.name(String(name))]
    }

    static func isNameFirst(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar.value >= 0x80
    }

    private mutating func parseBracket() throws -> [JSONPathSelector] {
        index += 1
        var selectors: [JSONPathSelector] = []
        while true {
            skipBlank()
            selectors.append(try parseSelector())
            skipBlank()
            guard let scalar = current else { throw fail("unterminated '['") }
            index += 1
            if scalar == "]" { return selectors }
            guard scalar == "," else { index -= 1; throw fail("expected ',' or ']'") }
        }
    }

    private mutating func parseSelector() throws -> JSONPathSelector {
        guard let scalar = current else { throw fail("expected a selector") }
        switch scalar {
        case "'", "\"": return .name(try parseStringLiteral())
        case "*": index += 1; return .wildcard
        case "?":
            index += 1
            skipBlank()
            return .filter(try parseLogicalOr())
        default:
            let start = try parseOptionalInteger()
            skipBlank()
            guard current == ":" else {
                guard let start else { throw fail("expected a name, index, slice, '*' or filter") }
                return .index(start)
            }
            index += 1
            skipBlank()
            let end = try parseOptionalInteger()
            skipBlank()
            var step: Int?
            if current == ":" {
                index += 1
                skipBlank()
                step = try parseOptionalInteger()
            }
            return .slice(start: start, end: end, step: step)
        }
    }

    mutating func parseOptionalInteger() throws -> Int? {
        let start = index
        if current == "-" { index += 1 }
        while let scalar = current, ("0"..."9").contains(scalar) { index += 1 }
        guard index > start else { return nil }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        guard let value = Int(text), text != "-0", !(text.count > 1 && (text.hasPrefix("0") || text.hasPrefix("-0"))),
            value.magnitude <= 9_007_199_254_740_991  // RFC 9535 §2.1: I-JSON integer range
        else { index = start; throw fail("invalid integer '\(text)'") }
        return value
    }

    mutating func parseStringLiteral() throws -> String {
        let quote = current!
        index += 1
        var result = String.UnicodeScalarView()
        while let scalar = current {
            index += 1
            if scalar == quote { return String(result) }
            guard scalar == "\\" else {
                result.append(scalar)
                continue
            }
            guard let escaped = current else { break }
            index += 1
            switch escaped {
            case "b": result.append("\u{08}")
            case "f": result.append("\u{0C}")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "/", "\\", "'", "\"": result.append(escaped)
            case "u":
                guard index + 4 <= scalars.count,
                    let code = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16),
                    let value = Unicode.Scalar(code)
                else { throw fail("invalid \\u escape") }
                index += 4
                result.append(value)
            default: throw fail("invalid escape '\\\(escaped)'")
            }
        }
        throw fail("unterminated string")
    }
}
