import Foundation

extension PlanCompiler {
    func send(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        let allowed = ["on", "text", "json", "binary", "fragments"]
        guard let keys = arguments(value, "send", allowed: allowed, shortKey: "text") else { return nil }
        let connection = connection(keys["on"], step: step, keyword: "send")
        let payloads = ["text", "json", "binary"].filter { keys[$0] != nil }
        guard payloads.count == 1, let key = payloads.first, let node = keys[key]?.value else {
            error(
                payloads.isEmpty
                    ? "send needs one of text, json, binary (or a string: '- send: hello')"
                    : "send has several payloads (\(payloads.joined(separator: ", "))): keep exactly one", value)
            return nil
        }
        let payload: MessagePayload?
        switch key {
        case "text": payload = template(node, "text").map(MessagePayload.text)
        case "json": payload = jsonTemplate(node, "json").map(MessagePayload.json)
        default: payload = binarySource(node).map(MessagePayload.binary)
        }
        let fragments = keys["fragments"].flatMap { integer($0.value, "fragments", in: 1...1_000_000) } ?? 1
        guard let payload else { return nil }
        return .send(SendStep(connection: connection, payload: payload, fragments: fragments))
    }

    private func binarySource(_ node: YAMLNode) -> BinarySource? {
        guard let (key, pair) = exactlyOne(node, "binary", allowed: ["hex", "base64", "file"]) else { return nil }
        if key == "file" {
            guard let path = string(pair.value, "file") else { return nil }
            if path.contains("${") {
                error(
                    "binary file cannot use ${...}: write the path itself (it is checked when the scenario is "
                        + "loaded, relative to the scenario file)", pair.value)
                return nil
            }
            let resolved = resolve(path: path)
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) || isDirectory.boolValue {
                error(
                    "binary file '\(path)' not found (looked for \(resolved)); paths are relative to the scenario "
                        + "file", pair.value)
                return nil
            }
            return .file(path: resolved)
        }
        switch bytes(pair.value, encoding: key, what: key) {
        case .decoded(let bytes): return .bytes(bytes)
        case .deferred(let encoded): return .encoded(encoded)
        case nil: return nil
        }
    }

    func controlFrame(_ value: YAMLNode, step: YAMLNode, _ keyword: String) -> ControlFrameStep? {
        guard let keys = arguments(value, keyword, allowed: ["on", "payload"], shortKey: "payload") else { return nil }
        let connection = connection(keys["on"], step: step, keyword: keyword)
        var payload = Template(literal: "")
        if let node = keys["payload"]?.value {
            guard let parsed = template(node, "payload") else { return nil }
            payload = parsed
            if let literal = parsed.literalValue, literal.utf8.count > 125 {
                error(
                    "a \(keyword) payload may have at most 125 bytes (RFC 6455 §5.5); this one has "
                        + "\(literal.utf8.count)", node)
            }
        }
        return ControlFrameStep(connection: connection, payload: payload)
    }

    func close(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        let allowed = ["on", "code", "reason", "within"]
        guard let keys = arguments(value, "close", allowed: allowed, shortKey: "code") else { return nil }
        let connection = connection(keys["on"], step: step, keyword: "close")
        var code: UInt16? = 1000
        if let node = keys["code"]?.value {
            code = node.isNull ? nil : closeCode(node, "code", expecting: false)
        }
        let reason = keys["reason"].flatMap { template($0.value, "reason") } ?? Template(literal: "")
        // Only for `code: null` (no code); an invalid code is reported on its own.
        if code == nil, keys["code"]?.value.isNull == true, let pair = keys["reason"] {
            error("a close without a code cannot carry a reason: add code:", pair.key)
        }
        if let literal = reason.literalValue, literal.utf8.count > 123, let node = keys["reason"]?.value {
            error("a close reason may have at most 123 bytes (RFC 6455 §5.5); this one has \(literal.utf8.count)", node)
        }
        return .close(CloseStep(connection: connection, code: code, reason: reason, within: within(keys)))
    }

    func disconnect(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        guard let keys = arguments(value, "disconnect", allowed: ["on"], shortKey: "on") else { return nil }
        return .disconnect(DisconnectStep(connection: connection(keys["on"], step: step, keyword: "disconnect")))
    }

    func sendFrame(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        let allowed = ["on", "opcode", "fin", "rsv", "masked", "payload", "length"]
        guard let keys = arguments(value, "send_frame", allowed: allowed, shortKey: nil) else { return nil }
        let connection = connection(keys["on"], step: step, keyword: "send_frame")
        guard let opcodeNode = require(keys, "opcode", "send_frame", value),
            let opcode = integer(opcodeNode, "opcode", in: 0...15)
        else { return nil }
        var rsv = [false, false, false]
        if let node = keys["rsv"]?.value {
            if let items = node.items, items.count == 3 {
                rsv = items.map { bool($0, "rsv") ?? false }
            } else {
                error("rsv must be a list of three booleans, e.g. [true, false, false]", node)
            }
        }
        var payload = FramePayload.bytes([])
        if let node = keys["payload"]?.value {
            guard let (key, pair) = exactlyOne(node, "payload", allowed: ["hex", "base64", "text"]) else { return nil }
            if key == "text" {
                guard let text = template(pair.value, "text") else { return nil }
                payload = .text(text)
            } else {
                switch bytes(pair.value, encoding: key, what: key) {
                case .decoded(let bytes): payload = .bytes(bytes)
                case .deferred(let encoded): payload = .encoded(encoded)
                case nil: return nil
                }
            }
        }
        var length: UInt64?
        if let node = keys["length"]?.value, let text = string(node, "length") {
            length = UInt64(text)
            if length == nil { error("length must be a whole number of bytes; found '\(text)'", node) }
        }
        return .sendFrame(
            SendFrameStep(
                connection: connection, opcode: UInt8(opcode),
                fin: keys["fin"].flatMap { bool($0.value, "fin") } ?? true, rsv: rsv,
                masked: keys["masked"].flatMap { bool($0.value, "masked") } ?? true,
                payload: payload, length: length))
    }
}
