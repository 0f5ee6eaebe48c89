extension JSONPathParser {
    mutating func parseLogicalOr() throws -> JSONPathFilter {
        var terms = [try parseLogicalAnd()]
        while true {
            skipBlank()
            guard current == "|", peek(1) == "|" else { break }
            index += 2
            skipBlank()
            terms.append(try parseLogicalAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func parseLogicalAnd() throws -> JSONPathFilter {
        var terms = [try parseBasic()]
        while true {
            skipBlank()
            guard current == "&", peek(1) == "&" else { break }
            index += 2
            skipBlank()
            terms.append(try parseBasic())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private mutating func parseBasic() throws -> JSONPathFilter {
        skipBlank()
        if current == "!" {
            index += 1
            skipBlank()
            return .not(try parseBasic())
        }
        if current == "(" {
            index += 1
            skipBlank()
            let inner = try parseLogicalOr()
            skipBlank()
            guard current == ")" else { throw fail("expected ')'") }
            index += 1
            return inner
        }
        let left = try parseOperand()
        skipBlank()
        if let comparison = parseComparison() {
            skipBlank()
            let right = try parseOperand()
            return .comparison(left, comparison, right)
        }
        if case .literal = left { throw fail("a literal alone is not a filter: compare it with ==, <, ...") }
        return .test(left)
    }

    private mutating func parseComparison() -> JSONPathComparison? {
        for candidate in [JSONPathComparison.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater] {
            let text = Array(candidate.rawValue.unicodeScalars)
            if index + text.count <= scalars.count, Array(scalars[index..<index + text.count]) == text {
                index += text.count
                return candidate
            }
        }
        return nil
    }

    mutating func parseOperand() throws -> JSONPathOperand {
        guard let scalar = current else { throw fail("expected a value") }
        switch scalar {
        case "@", "$":
            index += 1
            return .query(relative: scalar == "@", segments: try parseSegments())
        case "'", "\"":
            return .literal(.string(try parseStringLiteral()))
        case "-", "0"..."9":
            return .literal(try parseNumber())
        default:
            var word = String.UnicodeScalarView()
            while let next = current, ("a"..."z").contains(next) || ("0"..."9").contains(next) || next == "_" {
                word.append(next)
                index += 1
            }
            switch String(word) {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            case "":
                throw fail("expected a value")
            default:
                return try parseFunction(String(word))
            }
        }
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        if current == "-" { index += 1 }
        while let scalar = current,
            ("0"..."9").contains(scalar) || scalar == "." || scalar == "e" || scalar == "E"
                || ((scalar == "+" || scalar == "-") && (scalars[index - 1] == "e" || scalars[index - 1] == "E"))
        {
            index += 1
        }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        guard let value = try? JSONValue(parsing: text) else {
            index = start
            throw fail("invalid number '\(text)'")
        }
        return value
    }

    private mutating func parseFunction(_ name: String) throws -> JSONPathOperand {
        let known = ["length", "count", "match", "search", "value"]
        guard known.contains(name) else {
            throw fail("unknown function '\(name)' (functions: \(known.joined(separator: ", ")))")
        }
        guard current == "(" else { throw fail("expected '(' after \(name)") }
        index += 1
        var arguments: [JSONPathFunctionArgument] = []
        skipBlank()
        if current != ")" {
            while true {
                skipBlank()
                arguments.append(try parseArgument())
                skipBlank()
                if current == "," { index += 1; continue }
                break
            }
        }
        guard current == ")" else { throw fail("expected ')' to close \(name)(") }
        index += 1
        let expected = (name == "match" || name == "search") ? 2 : 1
        guard arguments.count == expected else {
            throw fail("\(name)() takes \(expected) argument\(expected == 1 ? "" : "s")")
        }
        if expected == 2, case .operand(.literal(.string(let pattern))) = arguments[1] {
            do {
                let anchored = name == "match" ? "^(?:\(pattern))$" : pattern
                arguments[1] = .regex(try CompiledRegex(anchored))
            } catch {
                throw fail("invalid regular expression '\(pattern)'")
            }
        }
        return .function(name: name, arguments: arguments)
    }

    private mutating func parseArgument() throws -> JSONPathFunctionArgument {
        let start = index
        if current == "!" || current == "(" { return .filter(try parseLogicalOr()) }
        let operand = try parseOperand()
        skipBlank()
        if current == "=" || current == "<" || current == ">" || current == "!" || current == "&" || current == "|" {
            index = start
            return .filter(try parseLogicalOr())
        }
        return .operand(operand)
    }
}
