extension JSONPathEvaluator {
    /// The result of evaluating a filter operand: a value, nothing, a node list, or a logical value.
    enum Outcome {
        case value(JSONValue)
        case nothing
        case nodes([JSONValue])
        case logical(Bool)

        /// The single value a comparison sees (a node list of exactly one node counts as its value).
        var comparable: JSONValue? {
            switch self {
            case .value(let value): return value
            case .nodes(let nodes): return nodes.count == 1 ? nodes[0] : nil
            case .nothing, .logical: return nil
            }
        }
    }

    func test(_ filter: JSONPathFilter, current: JSONValue) -> Bool {
        switch filter {
        case .or(let terms): return terms.contains { test($0, current: current) }
        case .and(let terms): return terms.allSatisfy { test($0, current: current) }
        case .not(let inner): return !test(inner, current: current)
        case .comparison(let left, let comparison, let right):
            return compare(
                evaluate(left, current: current).comparable, comparison,
                evaluate(right, current: current).comparable)
        case .test(let operand):
            switch evaluate(operand, current: current) {
            case .nodes(let nodes): return !nodes.isEmpty
            case .logical(let value): return value
            case .value: return true
            case .nothing: return false
            }
        }
    }

    func evaluate(_ operand: JSONPathOperand, current: JSONValue) -> Outcome {
        switch operand {
        case .literal(let value):
            return .value(value)
        case .query(let relative, let segments):
            return .nodes(evaluate(segments, from: [relative ? current : root]))
        case .function(let name, let arguments):
            return call(name, arguments, current: current)
        }
    }

    private func argument(_ argument: JSONPathFunctionArgument, current: JSONValue) -> Outcome {
        switch argument {
        case .operand(let operand): return evaluate(operand, current: current)
        case .filter(let filter): return .logical(test(filter, current: current))
        case .regex: return .nothing
        }
    }

    private func call(_ name: String, _ arguments: [JSONPathFunctionArgument], current: JSONValue) -> Outcome {
        let first = argument(arguments[0], current: current)
        switch name {
        case "length":
            switch first.comparable {
            case .string(let text): return .value(.integer(Int64(text.unicodeScalars.count)))
            case .array(let items): return .value(.integer(Int64(items.count)))
            case .object(let object): return .value(.integer(Int64(object.count)))
            default: return .nothing
            }
        case "count":
            if case .nodes(let nodes) = first { return .value(.integer(Int64(nodes.count))) }
            return .nothing
        case "value":
            if case .nodes(let nodes) = first { return nodes.count == 1 ? .value(nodes[0]) : .nothing }
            return first
        default:
            guard case .string(let text) = first.comparable else { return .logical(false) }
            if case .regex(let regex) = arguments[1] { return .logical(regex.matches(text)) }
            guard case .string(let pattern) = argument(arguments[1], current: current).comparable else {
                return .logical(false)
            }
            let anchored = name == "match" ? "^(?:\(pattern))$" : pattern
            guard let regex = try? CompiledRegex(anchored) else { return .logical(false) }
            return .logical(regex.matches(text))
        }
    }

    private func compare(_ left: JSONValue?, _ comparison: JSONPathComparison, _ right: JSONValue?) -> Bool {
        switch comparison {
        case .equal: return equal(left, right)
        case .notEqual: return !equal(left, right)
        case .less: return less(left, right)
        case .lessOrEqual: return less(left, right) || equal(left, right)
        case .greater: return less(right, left)
        case .greaterOrEqual: return less(right, left) || equal(left, right)
        }
    }

    private func equal(_ left: JSONValue?, _ right: JSONValue?) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        case (let a?, let b?): return a == b
        default: return false
        }
    }

    private func less(_ left: JSONValue?, _ right: JSONValue?) -> Bool {
        if let a = left?.doubleValue, let b = right?.doubleValue { return a < b }
        if case .string(let a)? = left, case .string(let b)? = right {
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }
        return false
    }
}
