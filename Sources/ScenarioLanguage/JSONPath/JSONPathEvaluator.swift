/// Evaluates parsed JSONPath segments over a JSON document (RFC 9535 semantics).
struct JSONPathEvaluator {
    let root: JSONValue

    func evaluate(_ segments: [JSONPathSegment], from nodes: [JSONValue]) -> [JSONValue] {
        var current = nodes
        for segment in segments {
            var next: [JSONValue] = []
            switch segment {
            case .child(let selectors):
                for node in current { for selector in selectors { select(selector, in: node, into: &next) } }
            case .descendant(let selectors):
                for node in current {
                    var all: [JSONValue] = []
                    Self.descendants(of: node, into: &all)
                    for item in all { for selector in selectors { select(selector, in: item, into: &next) } }
                }
            }
            current = next
        }
        return current
    }

    private static func descendants(of node: JSONValue, into result: inout [JSONValue]) {
        result.append(node)
        switch node {
        case .array(let items): for item in items { descendants(of: item, into: &result) }
        case .object(let object): for value in object.values { descendants(of: value, into: &result) }
        default: break
        }
    }

    private func select(_ selector: JSONPathSelector, in node: JSONValue, into result: inout [JSONValue]) {
        switch selector {
        case .name(let name):
            if case .object(let object) = node, let value = object[name] { result.append(value) }
        case .wildcard:
            if case .array(let items) = node { result += items }
            if case .object(let object) = node { result += object.values }
        case .index(let index):
            guard case .array(let items) = node else { return }
            let resolved = index < 0 ? items.count + index : index
            if resolved >= 0, resolved < items.count { result.append(items[resolved]) }
        case .slice(let start, let end, let step):
            guard case .array(let items) = node else { return }
            for index in Self.sliceIndices(count: items.count, start: start, end: end, step: step ?? 1) {
                result.append(items[index])
            }
        case .filter(let filter):
            let children: [JSONValue]
            switch node {
            case .array(let items): children = items
            case .object(let object): children = object.values
            default: children = []
            }
            for child in children where test(filter, current: child) { result.append(child) }
        }
    }

    static func sliceIndices(count: Int, start: Int?, end: Int?, step: Int) -> [Int] {
        guard step != 0, count > 0 else { return [] }
        func normalize(_ value: Int) -> Int { value >= 0 ? value : count + value }
        var indices: [Int] = []
        if step > 0 {
            let lower = min(max(normalize(start ?? 0), 0), count)
            let upper = min(max(normalize(end ?? count), 0), count)
            var index = lower
            while index < upper { indices.append(index); index += step }
        } else {
            let upper = min(max(normalize(start ?? count - 1), -1), count - 1)
            let lower = min(max(end.map(normalize) ?? -count - 1, -1), count - 1)
            var index = upper
            while lower < index { indices.append(index); index += step }
        }
        return indices
    }
}
