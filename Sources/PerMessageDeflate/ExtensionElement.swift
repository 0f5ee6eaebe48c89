/// One element of a `Sec-WebSocket-Extensions` header value (RFC 6455 §9.1): an extension name and its parameters in
/// order, e.g. `permessage-deflate; client_max_window_bits=10; server_no_context_takeover`.
public struct ExtensionElement: Sendable, Equatable {
    /// The extension token, lower-cased (`permessage-deflate`).
    public var name: String
    /// The parameters in order: name (lower-cased) and value (`nil` for a bare parameter; quotes removed).
    public var parameters: [(name: String, value: String?)]

    public init(name: String, parameters: [(name: String, value: String?)] = []) {
        self.name = name
        self.parameters = parameters
    }

    public static func == (lhs: ExtensionElement, rhs: ExtensionElement) -> Bool {
        lhs.name == rhs.name
            && lhs.parameters.elementsEqual(rhs.parameters) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Parses every element of one or more header values (comma-separated lists), in order. Empty elements are
    /// skipped.
    public static func parse(_ values: [String]) -> [ExtensionElement] {
        values.flatMap { value in
            splitOutsideQuotes(value, separator: ",").compactMap(parseElement)
        }
    }

    /// The element as written in a header: `name; p1; p2=v`.
    public var headerValue: String {
        let rendered = parameters.map { parameter in
            parameter.value.map { "\(parameter.name)=\($0)" } ?? parameter.name
        }
        return ([name] + rendered).joined(separator: "; ")
    }

    private static func parseElement(_ text: Substring) -> ExtensionElement? {
        let pieces = splitOutsideQuotes(text, separator: ";").map { trim($0) }
        guard let name = pieces.first, !name.isEmpty else { return nil }
        var parameters: [(name: String, value: String?)] = []
        for piece in pieces.dropFirst() where !piece.isEmpty {
            if let equals = piece.firstIndex(of: "=") {
                let key = trim(piece[..<equals]).lowercased()
                var value = trim(piece[piece.index(after: equals)...])
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                    value = String(value.dropFirst().dropLast())
                }
                parameters.append((key, value))
            } else {
                parameters.append((piece.lowercased(), nil))
            }
        }
        return ExtensionElement(name: name.lowercased(), parameters: parameters)
    }

    private static func splitOutsideQuotes<S: StringProtocol>(_ text: S, separator: Character) -> [Substring] {
        var result: [Substring] = []
        let whole = Substring(text)
        var start = whole.startIndex
        var quoted = false
        var index = whole.startIndex
        while index < whole.endIndex {
            let character = whole[index]
            if character == "\"" {
                quoted.toggle()
            } else if character == separator && !quoted {
                result.append(whole[start..<index])
                start = whole.index(after: index)
            }
            index = whole.index(after: index)
        }
        result.append(whole[start...])
        return result
    }

    private static func trim<S: StringProtocol>(_ text: S) -> String {
        String(text).trimmingCharacters(in: " \t")
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var view = Substring(self)
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
