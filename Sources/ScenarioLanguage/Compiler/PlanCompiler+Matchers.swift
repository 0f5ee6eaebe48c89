import Foundation

extension PlanCompiler {
    static let matcherKeys = ["text", "regex", "contains", "json", "json_exact", "binary", "jsonpath"]

    /// A matcher from a scalar (exact text) or a mapping holding exactly one matcher key (plus `extraKeys`).
    func messageMatcher(_ node: YAMLNode, _ what: String, extraKeys: [String] = []) -> MessageMatcher? {
        if node.scalar != nil, node.tag == nil {
            return template(node, what).map(MessageMatcher.text)
        }
        guard let keys = mapping(node, what, allowed: Self.matcherKeys + extraKeys) else { return nil }
        return messageMatcher(in: keys, node, what)
    }

    /// The one matcher among already-read keys.
    func messageMatcher(in keys: [String: YAMLPair], _ node: YAMLNode, _ what: String) -> MessageMatcher? {
        let present = Self.matcherKeys.filter { keys[$0] != nil }
        guard present.count == 1, let key = present.first, let value = keys[key]?.value else {
            if present.isEmpty {
                error("\(what) needs one of \(Self.matcherKeys.joined(separator: ", "))", node)
            } else {
                error("\(what) has several matchers (\(present.joined(separator: ", "))): keep exactly one", node)
            }
            return nil
        }
        switch key {
        case "text": return template(value, "text").map(MessageMatcher.text)
        case "contains": return template(value, "contains").map(MessageMatcher.contains)
        case "regex": return regex(value, "regex").map(MessageMatcher.regex)
        case "json": return jsonPattern(value, "json").map(MessageMatcher.json)
        case "json_exact": return jsonPattern(value, "json_exact").map(MessageMatcher.jsonExact)
        case "binary": return binaryPattern(value).map(MessageMatcher.binary)
        default: return jsonPathMatcher(value)
        }
    }

    private func binaryPattern(_ node: YAMLNode) -> BinaryPattern? {
        let allowed = ["hex", "base64", "prefix_hex", "file"]
        guard let (key, pair) = exactlyOne(node, "binary", allowed: allowed) else { return nil }
        if key == "file" { return expectedFile(pair.value).map(BinaryPattern.exact) }
        guard let value = bytes(pair.value, encoding: key == "base64" ? "base64" : "hex", what: key) else {
            return nil
        }
        switch value {
        case .decoded(let bytes): return key == "prefix_hex" ? .prefix(bytes) : .exact(bytes)
        case .deferred(let encoded): return .encoded(encoded, prefix: key == "prefix_hex")
        }
    }

    /// The bytes of a `binary: { file: }` expectation, read when the scenario is loaded (relative to it).
    private func expectedFile(_ node: YAMLNode) -> [UInt8]? {
        guard let path = string(node, "file") else { return nil }
        if path.contains("${") {
            error(
                "binary file cannot use ${...}: write the path itself (it is read when the scenario is loaded, "
                    + "relative to the scenario file)", node)
            return nil
        }
        let resolved = resolve(path: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: resolved)
        else {
            error(
                "binary file '\(path)' not found (looked for \(resolved)); paths are relative to the scenario file",
                node)
            return nil
        }
        return Array(data)
    }

    /// A `hex:` or `base64:` string: decoded now, or, when it has placeholders, kept for its step to decode.
    enum BytesValue {
        case decoded([UInt8])
        case deferred(EncodedBytes)
    }

    /// Decodes a `hex:` or `base64:` string (or keeps it with its placeholders).
    func bytes(_ node: YAMLNode, encoding: String, what: String) -> BytesValue? {
        guard var text = string(node, what) else { return nil }
        if text.hasPlaceholderOpening {
            guard let template = template(text: text, node) else { return nil }
            if !template.references.isEmpty {
                return .deferred(EncodedBytes(encoding: encoding == "base64" ? .base64 : .hex, template: template))
            }
            text = template.literalValue ?? text
        }
        return decodedBytes(text, node, encoding: encoding, what: what).map(BytesValue.decoded)
    }

    private func decodedBytes(_ text: String, _ node: YAMLNode, encoding: String, what: String) -> [UInt8]? {
        if encoding == "base64" {
            guard let bytes = ByteDecoding.base64(text) else {
                error("invalid base64 in \(what): use the standard alphabet A-Z a-z 0-9 + / with = padding", node)
                return nil
            }
            return bytes
        }
        guard let bytes = ByteDecoding.hex(text) else {
            error("invalid hex in \(what): write pairs of hex digits such as \"00ff10\"", node)
            return nil
        }
        return bytes
    }

    private func jsonPathMatcher(_ node: YAMLNode) -> MessageMatcher? {
        guard let pairs = node.pairs, !pairs.isEmpty else {
            error("jsonpath must be a non-empty mapping of queries to expected values, e.g. { \"$.count\": 3 }", node)
            return nil
        }
        var expectations: [JSONPathExpectation] = []
        for pair in pairs {
            guard let path = jsonPath(pair.key, "jsonpath"),
                let pattern = jsonPattern(pair.value, "jsonpath", allowAbsent: true)
            else { continue }
            expectations.append(.init(path: path, pattern: pattern))
        }
        return expectations.count == pairs.count ? .jsonPath(expectations) : nil
    }

    /// A string expectation: `/regex/` (optionally with flags, `/regex/i`) or else `plain` (exact or contains).
    func stringMatcher(_ node: YAMLNode, _ what: String, contains: Bool = false) -> StringMatcher? {
        guard let text = string(node, what) else { return nil }
        if let (pattern, flags) = CompiledRegex.slashForm(text) {
            return regex(text: pattern, flags: flags, node, what).map(StringMatcher.regex)
        }
        guard let template = template(text: text, node) else { return nil }
        return contains ? .contains(template) : .exact(template)
    }

    /// `headers: { Name: value-or-/regex/ }`.
    func headerExpectations(_ node: YAMLNode, _ what: String) -> [HeaderExpectation] {
        guard let pairs = node.pairs else {
            error("\(what) must be a mapping of header names to values", node)
            return []
        }
        return pairs.compactMap { pair in
            guard let name = pair.name, let value = stringMatcher(pair.value, "header '\(pair.name ?? "")'") else {
                return nil
            }
            return HeaderExpectation(name: name, value: value)
        }
    }

    /// `headers: { Name: value }` to send.
    func headerFields(_ node: YAMLNode, _ what: String) -> [HeaderField] {
        guard let pairs = node.pairs else {
            error("\(what) must be a mapping of header names to values", node)
            return []
        }
        return pairs.compactMap { pair in
            guard let name = pair.name, let nameTemplate = template(text: name, pair.key),
                let value = template(pair.value, "header '\(name)'"),
                headerText(name, pair.key, "header '\(name)'"), headerText(value.source, pair.value, "header '\(name)'")
            else { return nil }
            return HeaderField(nameTemplate: nameTemplate, value: value)
        }
    }

    /// Whether `text` can go into a request header as written: a line break would add headers of its own, a NUL
    /// is not allowed; reports it otherwise.
    func headerText(_ text: String, _ node: YAMLNode, _ what: String) -> Bool {
        guard text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else { return true }
        error("\(what) cannot contain a line break or NUL: it would break the request", node)
        return false
    }

    /// `capture: { name: $.path }`; defines the names for later steps.
    func jsonPathCaptures(_ node: YAMLNode) -> [JSONPathCapture] {
        guard let pairs = node.pairs else {
            error("capture must be a mapping of variable names to JSONPath queries, e.g. { id: $.id }", node)
            return []
        }
        return pairs.compactMap { pair in
            guard let name = captureName(pair), let path = jsonPath(pair.value, "capture '\(name)'") else { return nil }
            return JSONPathCapture(name: name, path: path, location: pair.key.location)
        }
    }

    /// `capture_regex: { name: "re(gr)oup" }`.
    func regexCaptures(_ node: YAMLNode) -> [RegexCapture] {
        guard let pairs = node.pairs else {
            error("capture_regex must be a mapping of variable names to regular expressions", node)
            return []
        }
        return pairs.compactMap { pair in
            guard let name = captureName(pair), let regex = regex(pair.value, "capture_regex '\(name)'") else {
                return nil
            }
            return RegexCapture(name: name, regex: regex, location: pair.key.location)
        }
    }

    private func captureName(_ pair: YAMLPair) -> String? {
        guard let name = pair.name, Template.isIdentifier(Substring(name)) else {
            error("invalid variable name '\(pair.name ?? "")': use letters, digits, '_' and '-'", pair.key)
            return nil
        }
        warnIfBuiltIn(name, pair.key)
        return name
    }

    /// Marks captured names as defined (after the step) and remembers them for the unused warning.
    func define(captures names: [(String, SourceLocation)]) {
        for (name, location) in names {
            scope.defined.insert(name)
            scope.captureSites.append((name, location))
        }
    }
}
