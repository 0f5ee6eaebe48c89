extension PlanCompiler {
    /// A step's arguments by key: a mapping (unknown keys reported), a scalar short form (as `shortKey`),
    /// or nothing (`- close`, `close:`).
    func arguments(_ value: YAMLNode, _ keyword: String, allowed: [String], shortKey: String?) -> [String: YAMLPair]? {
        if value.pairs != nil { return mapping(value, keyword, allowed: allowed) }
        if value.isNull { return [:] }
        if value.items != nil {
            let shape = shortKey.map { "a \($0) or " } ?? ""
            error("\(keyword) takes \(shape)a mapping of \(allowed.joined(separator: ", ")); found a list", value)
            return nil
        }
        guard let shortKey else {
            error("\(keyword) takes a mapping of \(allowed.joined(separator: ", ")); found a scalar", value)
            return nil
        }
        let key = YAMLNode(content: .scalar(shortKey), tag: nil, isPlain: true, location: value.location)
        return [shortKey: YAMLPair(key: key, value: value)]
    }

    /// Reports a missing required key.
    func require(_ keys: [String: YAMLPair], _ key: String, _ keyword: String, _ node: YAMLNode) -> YAMLNode? {
        guard let pair = keys[key] else {
            error("\(keyword) needs '\(key)'", node)
            return nil
        }
        return pair.value
    }

    /// `within:` (or `timeout:`) if given, else the scenario timeout.
    func within(_ keys: [String: YAMLPair], key: String = "within") -> Duration {
        guard let pair = keys[key] else { return scope.timeout }
        return duration(pair.value, key) ?? scope.timeout
    }

    /// Whether `code` may be sent in a close frame (RFC 6455 §7.4).
    static func isSendableCloseCode(_ code: Int) -> Bool {
        switch code {
        case 1000...1003, 1007...1014, 3000...4999: return true
        default: return false
        }
    }

    /// A close code: valid to send, or (for expectations) also 1005 "no status code in the close frame" and
    /// 1006 "the connection ended without a close frame" (RFC 6455 §7.1.5, never sent on the wire).
    func closeCode(_ node: YAMLNode, _ what: String, expecting: Bool) -> UInt16? {
        guard let code = integer(node, what, in: 0...65535) else { return nil }
        if Self.isSendableCloseCode(code) || (expecting && (code == 1005 || code == 1006)) { return UInt16(code) }
        var advice = "use 1000-1003, 1007-1014 or 3000-4999"
        if expecting {
            advice += ", or 1005 (close frame without a code) / 1006 (no close frame)"
        } else {
            if code == 1005 { advice += "; code: null sends a close frame without a code" }
            advice += "; to send an invalid code on purpose use send_frame"
        }
        error("invalid close code \(code) (RFC 6455 §7.4): \(advice)", node)
        return nil
    }
}
