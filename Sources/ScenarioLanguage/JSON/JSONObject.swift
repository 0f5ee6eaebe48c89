/// A JSON object that remembers its key order (for faithful serialisation) and looks keys up quickly.
public struct JSONObject: Sendable, Equatable, Sequence {
    /// The keys in insertion order.
    public private(set) var keys: [String] = []
    /// Keyed by exact text: keys that only look alike (`"\u00e9"`, `"e\u0301"`) are different keys.
    private var storage: [ExactKey: JSONValue] = [:]

    /// An empty object.
    public init() {}

    /// An object from key/value pairs; a repeated key keeps its first position and its last value.
    public init(_ members: [(String, JSONValue)]) {
        for (key, value) in members { self[key] = value }
    }

    /// The value for `key`, or nil; setting nil removes the key.
    public subscript(key: String) -> JSONValue? {
        get { storage[ExactKey(text: key)] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: ExactKey(text: key)) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: ExactKey(text: key)) != nil {
                keys.removeAll { ExactKey(text: $0) == ExactKey(text: key) }
            }
        }
    }

    /// The number of members.
    public var count: Int { keys.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The members in order.
    public var members: [(key: String, value: JSONValue)] { keys.map { ($0, storage[ExactKey(text: $0)]!) } }

    /// The values in key order.
    public var values: [JSONValue] { keys.map { storage[ExactKey(text: $0)]! } }

    /// Iterates the members in order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { members.makeIterator() }

    /// Equal when both have the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.storage == rhs.storage }
}
