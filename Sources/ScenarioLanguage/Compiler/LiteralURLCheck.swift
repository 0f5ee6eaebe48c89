/// What is wrong with a URL written without placeholders (`ws://`, `ws://host:99999/`, `ws://exa mple.com/`), so
/// that `check` reports it instead of the run: nil when it looks usable. The scheme is checked by the caller.
enum LiteralURLCheck {
    static func problem(_ url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        if rest.contains(where: \.isWhitespace) { return "a URL cannot contain spaces (percent-encode them: %20)" }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.isEmpty { return "the URL has no host (write it like ws://127.0.0.1:9001/path)" }
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return "the IPv6 host has no closing ]" }
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            if colon == authority.startIndex { return "the URL has no host (write it like ws://127.0.0.1:9001/path)" }
            portText = authority[authority.index(after: colon)...]
        }
        if let portText, Int(portText).map({ !(1...65535).contains($0) }) ?? true {
            return "the port must be a number between 1 and 65535; found '\(portText)'"
        }
        return nil
    }
}
