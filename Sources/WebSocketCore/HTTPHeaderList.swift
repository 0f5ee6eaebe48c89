/// HTTP header fields in their original order and case; look-ups are case-insensitive.
public struct HTTPHeaderList: Sendable, Equatable, Sequence {
    /// The fields as (name, value) pairs, in order.
    public var fields: [(name: String, value: String)]

    public init(_ fields: [(name: String, value: String)] = []) { self.fields = fields }

    public static func == (lhs: HTTPHeaderList, rhs: HTTPHeaderList) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    /// Every value of the fields named `name` (case-insensitive), in order.
    public func values(_ name: String) -> [String] {
        let lowered = name.lowercased()
        return fields.filter { $0.name.lowercased() == lowered }.map(\.value)
    }

    /// The first value of `name`, if any.
    public func first(_ name: String) -> String? { values(name).first }

    /// The comma-separated tokens of every `name` field, trimmed (e.g. `Connection: keep-alive, Upgrade`).
    public func tokens(_ name: String) -> [String] {
        values(name).flatMap { $0.split(separator: ",").map { $0.trimmingSpaces() } }.filter { !$0.isEmpty }
    }

    /// Appends a field.
    public mutating func append(_ name: String, _ value: String) { fields.append((name, value)) }

    /// Replaces the value of the first field named `name` in place, or appends it.
    public mutating func replaceOrAppend(_ name: String, _ value: String) {
        let lowered = name.lowercased()
        if let index = fields.firstIndex(where: { $0.name.lowercased() == lowered }) {
            fields[index] = (name, value)
        } else {
            fields.append((name, value))
        }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
