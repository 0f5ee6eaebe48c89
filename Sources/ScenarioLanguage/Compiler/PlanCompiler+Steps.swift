extension PlanCompiler {
    /// Compiles a `steps:` list (also nested `repeat` and included steps).
    func steps(_ node: YAMLNode, _ what: String) -> [Step] {
        guard let items = node.items else {
            error("\(what) must be a list of steps (each item starts with '- '); found \(node.shapeName)", node)
            return []
        }
        if items.isEmpty { error("\(what) is empty: add at least one step", node) }
        let compiled = items.compactMap(step)
        return linkConnections(compiled)
    }

    private func step(_ node: YAMLNode) -> Step? {
        var name: String?
        let kindKey: YAMLNode
        let value: YAMLNode
        if node.scalar != nil, node.tag == nil, !node.isNull {
            kindKey = node
            value = YAMLNode(content: .scalar(""), tag: nil, isPlain: true, location: node.location)
        } else if let pairs = node.pairs {
            var kinds: [YAMLPair] = []
            for pair in pairs {
                if pair.name == "name" {
                    name = string(pair.value, "a step's name")
                } else {
                    kinds.append(pair)
                }
            }
            guard kinds.count == 1 else {
                if kinds.isEmpty {
                    error("this step has no kind: add one of \(StepKind.keywords.joined(separator: ", "))", node)
                } else {
                    let names = kinds.compactMap(\.name)
                    let known = names.filter { StepKind.keywords.contains($0) }
                    let stray = names.filter { !StepKind.keywords.contains($0) }
                    if known.count == 1, let first = stray.first, let pair = kinds.first(where: { $0.name == first }) {
                        error(
                            "unknown key '\(first)' beside '\(known[0])': a step has one kind key (and an optional "
                                + "name:); put '\(first)' inside the \(known[0]) arguments", pair.key)
                    } else {
                        error(
                            "a step has exactly one kind key; found \(names.joined(separator: ", ")): split it "
                                + "into several steps", node)
                    }
                }
                return nil
            }
            kindKey = kinds[0].key
            value = kinds[0].value
        } else {
            error(
                "a step must be a mapping such as '- send: hello' or a bare kind such as '- close'; found "
                    + node.shapeName, node)
            return nil
        }
        guard let keyword = kindKey.scalar else { return nil }
        guard StepKind.keywords.contains(keyword) else {
            let hint = Suggestion.hint(for: keyword, in: StepKind.keywords)
            let list = hint.isEmpty ? " (step kinds: \(StepKind.keywords.joined(separator: ", ")))" : ""
            error("unknown step kind '\(keyword)'\(hint)\(list)", kindKey)
            return nil
        }
        let outerDeferred = deferredArguments
        deferredArguments = []
        stepDepth += 1
        defer {
            stepDepth -= 1
            deferredArguments = outerDeferred
        }
        guard let kind = stepKind(keyword, value, step: node) else { return nil }
        for argument in deferredArguments where !kind.accepts(deferred: argument.key) {
            error("\(argument.key) cannot use ${...} in \(keyword): write it literally", node)
        }
        return Step(name: name, location: node.location, kind: kind, deferred: deferredArguments)
    }

    private func stepKind(_ keyword: String, _ value: YAMLNode, step: YAMLNode) -> StepKind? {
        switch keyword {
        case "connect": return connect(value, step: step)
        case "expect_handshake": return expectHandshake(value, step: step)
        case "expect_error": return expectError(value, step: step)
        case "send": return send(value, step: step)
        case "ping": return controlFrame(value, step: step, keyword).map(StepKind.ping)
        case "pong": return controlFrame(value, step: step, keyword).map(StepKind.pong)
        case "close": return close(value, step: step)
        case "disconnect": return disconnect(value, step: step)
        case "send_frame": return sendFrame(value, step: step)
        case "expect_message": return expectMessage(value, step: step)
        case "expect_messages": return expectMessages(value, step: step)
        case "expect_silence": return expectSilence(value, step: step)
        case "expect_pong": return expectPong(value, step: step)
        case "expect_close": return expectClose(value, step: step)
        case "wait": return wait(value)
        case "set": return set(value)
        case "repeat": return repeatSteps(value)
        case "include": return include(value, step: step)
        default: return http(value)
        }
    }

    /// The `on:` connection; without `on:`, `default` (or the only connection opened so far, whatever its
    /// name); reported when no connect opened it before.
    func connection(_ pair: YAMLPair?, step: YAMLNode, keyword: String) -> String {
        var name = Scenario.defaultConnection
        if let pair, let text = string(pair.value, "on") {
            name = text
            rejectPlaceholder(in: text, pair.value, "on")
        }
        if pair == nil, !scope.opened.contains(name), scope.opened.count == 1, let only = scope.opened.first {
            name = only  // the scenario's only connection so far, though named with as:
        }
        if !scope.opened.contains(name) {
            let node = pair?.value ?? step
            if name == Scenario.defaultConnection, !scope.opened.isEmpty {
                let names = scope.opened.sorted().joined(separator: ", ")
                error(
                    "\(keyword) has no 'on:' and no connection named 'default' is open: add on: with one of "
                        + names, node)
            } else if name == Scenario.defaultConnection {
                error("\(keyword) needs an open connection: add a connect step before it", node)
            } else {
                let hint = Suggestion.closest(to: name, in: Array(scope.opened)).map { " (did you mean '\($0)'?)" }
                error(
                    "connection '\(name)' is never opened before this step\(hint ?? ""): add "
                        + "'- connect: { as: \(name), url: ... }' before it", node)
            }
        }
        if let closedAt = scope.closed[name], ["send", "ping", "pong", "send_frame", "close"].contains(keyword) {
            warning(
                "\(keyword) on '\(name)' after it was closed at line \(closedAt.line): the step will fail; "
                    + "connect again first", pair?.value ?? step)
        }
        if keyword == "close" || keyword == "disconnect" { scope.closed[name] = step.location }
        return name
    }

    /// Checks `expect_handshake` placement and tells every `connect` what follows it.
    private func linkConnections(_ steps: [Step]) -> [Step] {
        var steps = steps
        for index in steps.indices {
            guard let connection = steps[index].kind.connection else { continue }
            let next = Self.nextStep(on: connection, in: steps[(index + 1)...])
            if case .connect(var connect) = steps[index].kind {
                switch next?.kind {
                case .expectHandshake: connect.followUp = .expectHandshake
                case .expectError: connect.followUp = .expectError
                default: connect.followUp = .requireUpgrade
                }
                steps[index].kind = .connect(connect)
            }
            if case .expectHandshake = steps[index].kind {
                let previous = steps[..<index].last { $0.kind.connection == connection }
                guard let previous else { continue }  // reported as a connection never opened
                if case .connect = previous.kind { continue }
                collector.error(
                    "expect_handshake must directly follow the connect of '\(connection)' (it must be the next step "
                        + "on that connection): move it right after its connect", at: steps[index].location)
            }
        }
        return steps
    }

    /// The first step in `steps` that works on `connection`, looking into `include`d steps and the first iteration
    /// of a `repeat` (they run inline, in order).
    static func nextStep(on connection: String, in steps: ArraySlice<Step>) -> Step? {
        for step in steps {
            if step.kind.connection == connection { return step }
            switch step.kind {
            case .include(let include):
                if let found = nextStep(on: connection, in: include.steps[...]) { return found }
            case .repeat(let loop) where loop.times > 0 || !step.deferred.isEmpty:
                if let found = nextStep(on: connection, in: loop.steps[...]) { return found }
            default:
                continue
            }
        }
        return nil
    }

    /// Connection names are fixed when the file is checked (steps are matched to connections then).
    func rejectPlaceholder(in name: String, _ node: YAMLNode, _ key: String) {
        guard name.hasPlaceholderOpening else { return }
        error("\(key) cannot use ${...}: a connection's name is written literally, e.g. \(key): alice", node)
    }
}
