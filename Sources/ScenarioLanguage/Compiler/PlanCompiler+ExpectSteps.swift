extension PlanCompiler {
    func expectMessage(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        let extra = ["on", "within", "ordered", "capture", "capture_regex"]
        if value.scalar != nil, value.tag == nil, !value.isNull {
            let connection = connection(nil, step: step, keyword: "expect_message")
            guard let text = template(value, "expect_message") else { return nil }
            return .expectMessage(
                ExpectMessageStep(
                    connection: connection, matcher: .text(text), within: scope.timeout, ordered: false, captures: [],
                    regexCaptures: []))
        }
        guard let keys = mapping(value, "expect_message", allowed: Self.matcherKeys + extra) else { return nil }
        let connection = connection(keys["on"], step: step, keyword: "expect_message")
        let matcher = messageMatcher(in: keys, value, "expect_message")
        let captures = keys["capture"].map { jsonPathCaptures($0.value) } ?? []
        let regexCaptureList = keys["capture_regex"].map { self.regexCaptures($0.value) } ?? []
        if let pair = keys["capture"], !captures.isEmpty, let matcher, !Self.isJSONMatcher(matcher) {
            warning(
                "capture uses JSONPath, but this matcher does not require JSON: the step fails when the "
                    + "message is not JSON", pair.key)
        }
        define(captures: captures.map { ($0.name, $0.location) } + regexCaptureList.map { ($0.name, $0.location) })
        guard let matcher else { return nil }
        return .expectMessage(
            ExpectMessageStep(
                connection: connection, matcher: matcher, within: within(keys),
                ordered: keys["ordered"].flatMap { bool($0.value, "ordered") } ?? false,
                captures: captures, regexCaptures: regexCaptureList))
    }

    private static func isJSONMatcher(_ matcher: MessageMatcher) -> Bool {
        switch matcher {
        case .json, .jsonExact, .jsonPath: return true
        default: return false
        }
    }

    func expectMessages(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        guard let keys = arguments(value, "expect_messages", allowed: ["on", "all", "within"], shortKey: nil) else {
            return nil
        }
        let connection = connection(keys["on"], step: step, keyword: "expect_messages")
        guard let allNode = require(keys, "all", "expect_messages", value) else { return nil }
        guard let items = allNode.items, !items.isEmpty else {
            error("all must be a non-empty list of matchers, e.g. - json: { type: joined }", allNode)
            return nil
        }
        let matchers = items.compactMap { messageMatcher($0, "an entry of all") }
        guard matchers.count == items.count else { return nil }
        return .expectMessages(ExpectMessagesStep(connection: connection, all: matchers, within: within(keys)))
    }

    func expectSilence(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        guard let keys = arguments(value, "expect_silence", allowed: ["on", "for"], shortKey: "for") else { return nil }
        let connection = connection(keys["on"], step: step, keyword: "expect_silence")
        // Without `for:` (a bare `- expect_silence`), the scenario's timeout, as every other waiting step.
        return .expectSilence(ExpectSilenceStep(connection: connection, duration: within(keys, key: "for")))
    }

    func expectPong(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        let allowed = ["on", "payload", "within"]
        guard let keys = arguments(value, "expect_pong", allowed: allowed, shortKey: "payload") else { return nil }
        let connection = connection(keys["on"], step: step, keyword: "expect_pong")
        return .expectPong(
            ExpectPongStep(
                connection: connection, payload: keys["payload"].flatMap { template($0.value, "payload") },
                within: within(keys)))
    }

    func expectClose(_ value: YAMLNode, step: YAMLNode) -> StepKind? {
        let allowed = ["on", "code", "reason", "within"]
        var keys: [String: YAMLPair]
        if value.items != nil {  // short form: a list of codes
            let key = YAMLNode(content: .scalar("code"), tag: nil, isPlain: true, location: value.location)
            keys = ["code": YAMLPair(key: key, value: value)]
        } else {
            guard let mapped = arguments(value, "expect_close", allowed: allowed, shortKey: "code") else { return nil }
            keys = mapped
        }
        let connection = connection(keys["on"], step: step, keyword: "expect_close")
        var codes: [UInt16]?
        if let node = keys["code"]?.value {
            let nodes = node.items ?? [node]
            codes = nodes.compactMap { closeCode($0, "code", expecting: true) }
            if nodes.isEmpty { error("code must be a close code or a non-empty list of them", node) }
        }
        return .expectClose(
            ExpectCloseStep(
                codes: codes, connection: connection,
                reason: keys["reason"].flatMap { stringMatcher($0.value, "reason") }, within: within(keys)))
    }
}
