import Foundation

extension PlanCompiler {
    func connect(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        let allowed = ["as", "url", "headers", "subprotocols", "origin", "extensions", "timeout", "tls"]
        guard let keys = arguments(value, "connect", allowed: allowed, shortKey: "url") else { return nil }
        var name = Scenario.defaultConnection
        if let pair = keys["as"], let text = string(pair.value, "as") {
            name = text
            rejectPlaceholder(in: text, pair.value, "as")
            // The name heads transcript lines and console output: control characters would break them.
            if text.isEmpty {
                error("a connection name cannot be empty (leave out as: for the connection named default)", pair.value)
            } else if text.unicodeScalars.contains(where: PlanCompiler.breaksALine) {
                error(
                    "a connection name cannot contain control characters (line breaks, tabs, DEL, bidirectional "
                        + "overrides ...)", pair.value)
            }
        }
        scope.closed[name] = nil
        guard let urlNode = require(keys, "url", "connect", value), let url = template(urlNode, "url") else {
            scope.opened.insert(name)
            return nil
        }
        if let literal = url.literalValue, !(literal.hasPrefix("ws://") || literal.hasPrefix("wss://")) {
            error("connect url must start with ws:// or wss://; found '\(literal)'", urlNode)
        } else if let literal = url.literalValue, let problem = LiteralURLCheck.problem(literal) {
            error("invalid URL '\(literal)': \(problem)", urlNode)
        }
        scope.opened.insert(name)
        if let pair = keys["tls"], let literal = url.literalValue, literal.lowercased().hasPrefix("ws://") {
            warning("tls has no effect on a ws:// URL: use wss:// (or drop tls:)", pair.key)
        }
        return .connect(
            ConnectStep(
                connection: name, url: url,
                headers: keys["headers"].map { headerFields($0.value, "headers") } ?? [],
                subprotocols: keys["subprotocols"].flatMap { headerTemplates($0.value, "subprotocols") } ?? [],
                origin: keys["origin"].flatMap { node in
                    template(node.value, "origin").flatMap { headerText($0.source, node.value, "origin") ? $0 : nil }
                },
                extensions: keys["extensions"].flatMap { headerTemplates($0.value, "extensions") } ?? [],
                timeout: within(keys, key: "timeout"),
                tls: keys["tls"].flatMap { tls($0.value) },
                followUp: .requireUpgrade))
    }

    /// A list of header values (subprotocol or extension offers) that may hold placeholders, rendered when the step
    /// runs; literal line breaks are reported now.
    func headerTemplates(_ node: YAMLNode, _ what: String) -> [Template]? {
        guard let list = stringList(node, what), list.allSatisfy({ headerText($0, node, what) }) else { return nil }
        let templates = list.compactMap { template(text: $0, node) }
        return templates.count == list.count ? templates : nil
    }

    func tls(_ node: YAMLNode) -> TLSSettings? {
        let allowed = ["ca", "cert", "key", "insecure", "server_name"]
        guard let keys = mapping(node, "tls", allowed: allowed) else { return nil }
        /// A file path, rendered when the step runs. The files may be made for the run (the connection says so
        /// if they are missing), so a literal path that is missing or not PEM now is a warning, not an error.
        func path(_ key: String) -> Template? {
            guard let pair = keys[key], let template = template(pair.value, key) else { return nil }
            if let literal = template.literalValue { checkTLSFile(literal, key: key, pair.value) }
            return template
        }
        if (keys["cert"] == nil) != (keys["key"] == nil) {
            error("tls needs both cert and key for a client certificate", node)
        }
        var serverName: Template?
        if let pair = keys["server_name"], let template = template(pair.value, "server_name") {
            if let literal = template.literalValue {
                if literal.isEmpty {
                    error(
                        "server_name must be a host name, e.g. example.com (leave it out to use the URL's host)",
                        pair.value)
                } else if literal.unicodeScalars.contains(where: {
                    $0.properties.isWhitespace || $0.properties.generalCategory == .control
                }) {
                    error(
                        "server_name must be a host name such as example.com, without spaces or control characters; "
                            + "found \(literal.debugDescription)", pair.value)
                }
            }
            serverName = template
        }
        return TLSSettings(
            ca: path("ca"), certificate: path("cert"), key: path("key"),
            insecure: keys["insecure"].flatMap { bool($0.value, "insecure") } ?? false,
            serverName: serverName, directory: directories.last ?? "")
    }

    /// Warns about a literal `tls:` file that does not exist or is not PEM (`-----BEGIN`) as the scenario is
    /// checked.
    private func checkTLSFile(_ path: String, key: String, _ node: YAMLNode) {
        let resolved = resolve(path: path)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            warning("tls \(key) '\(path)' is a directory (looked at \(resolved)); give the PEM file itself", node)
            return
        }
        guard exists else {
            warning(
                "tls \(key) file '\(path)' not found (looked for \(resolved)); the connection fails unless it is "
                    + "made before the step runs (paths are relative to the scenario file)", node)
            return
        }
        guard let handle = FileHandle(forReadingAtPath: resolved) else { return }
        defer { try? handle.close() }
        let start = String(decoding: handle.readData(ofLength: 64 * 1024), as: UTF8.self)
        if !start.contains("-----BEGIN ") {
            warning("tls \(key) file '\(path)' is not a PEM file (no -----BEGIN ...----- line)", node)
        }
    }

    /// Whether `scalar` would break or reorder a line it is printed in: a control character, or a bidirectional
    /// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
    static func breaksALine(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }

    func expectHandshake(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        let allowed = ["on", "status", "headers", "subprotocol", "extensions", "within"]
        guard let keys = arguments(value, "expect_handshake", allowed: allowed, shortKey: "status") else { return nil }
        let connection = connection(keys["on"], step: step, keyword: "expect_handshake")
        var subprotocol: String??
        if let pair = keys["subprotocol"] {
            subprotocol = pair.value.isNull ? .some(nil) : string(pair.value, "subprotocol").map { .some($0) }
        }
        return .expectHandshake(
            ExpectHandshakeStep(
                connection: connection,
                status: keys["status"].flatMap { integer($0.value, "status", in: 100...599) } ?? 101,
                headers: keys["headers"].map { headerExpectations($0.value, "headers") } ?? [],
                subprotocol: subprotocol,
                extensions: keys["extensions"].flatMap { expectedExtensions($0.value) },
                within: within(keys)))
    }

    /// `expect_handshake`'s `extensions`: one extension per item, its name first, as in the header
    /// (`permessage-deflate` or `"permessage-deflate; server_no_context_takeover"`).
    private func expectedExtensions(_ node: YAMLNode) -> [String]? {
        guard let list = stringList(node, "extensions") else { return nil }
        for item in list {
            let name = item.split(separator: ";", omittingEmptySubsequences: false).first ?? ""
            if name.trimmingCharacters(in: .whitespaces).isEmpty || item.contains(",") {
                error(
                    "each item of extensions is one extension as in the header: its name, then any parameters it "
                        + "must have (\"permessage-deflate; server_no_context_takeover\"); found '\(item)'", node)
                return nil
            }
        }
        return list
    }

    func expectError(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        let allowed = ["on", "kind", "status", "headers", "body", "message", "within"]
        guard let keys = arguments(value, "expect_error", allowed: allowed, shortKey: "kind") else { return nil }
        let connection = connection(keys["on"], step: step, keyword: "expect_error")
        let kinds = ConnectionErrorKind.allCases.map(\.rawValue)
        guard let kindNode = require(keys, "kind", "expect_error", value), let text = string(kindNode, "kind") else {
            return nil
        }
        guard let kind = ConnectionErrorKind(rawValue: text) else {
            error(
                "unknown error kind '\(text)'\(Suggestion.hint(for: text, in: kinds)) (kinds: "
                    + "\(kinds.joined(separator: ", ")))", kindNode)
            return nil
        }
        let handshakeOnly = ["status", "headers", "body"].filter { keys[$0] != nil }
        if kind != .handshake, let first = handshakeOnly.first, let pair = keys[first] {
            error("'\(first)' only applies to kind: handshake", pair.key)
        }
        return .expectError(
            ExpectErrorStep(
                connection: connection, kind: kind,
                status: keys["status"].flatMap { integer($0.value, "status", in: 100...599) },
                headers: keys["headers"].map { headerExpectations($0.value, "headers") } ?? [],
                body: keys["body"].flatMap { stringMatcher($0.value, "body", contains: true) },
                message: keys["message"].flatMap { stringMatcher($0.value, "message", contains: true) },
                within: within(keys)))
    }
}
