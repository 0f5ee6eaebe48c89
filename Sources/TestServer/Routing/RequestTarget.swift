/// A request target split into percent-decoded path segments and query parameters.
struct RequestTarget {
    var segments: [String]
    var query: [String: String]

    init(_ target: String) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first.map(String.init) ?? ""
        segments = path.split(separator: "/").map { Self.percentDecoded(String($0)) }
        var query: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = Self.percentDecoded(String(keyValue[0]))
                let value = keyValue.count == 2 ? Self.percentDecoded(String(keyValue[1])) : ""
                query[key] = value
            }
        }
        self.query = query
    }

    /// The integer parameter `name`, `fallback` when absent, nil when malformed or outside `range`.
    func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int? {
        guard let text = query[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else { return nil }
        return value
    }

    /// A duration parameter in milliseconds: `250`, `250ms` or `1.5s`; `fallback` when absent, nil when
    /// malformed or outside `range`.
    func milliseconds(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int? {
        guard let text = query[name] else { return fallback }
        let value: Double?
        if text.hasSuffix("ms") {
            value = Double(text.dropLast(2))
        } else if text.hasSuffix("s") {
            value = Double(text.dropLast()).map { $0 * 1000 }
        } else {
            value = Double(text)
        }
        guard let value, value.isFinite, value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            return nil
        }
        return Int(value.rounded())
    }

    /// A comma-separated list parameter, nil when absent.
    func list(_ name: String) -> [String]? {
        query[name].map { $0.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty } }
    }

    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
