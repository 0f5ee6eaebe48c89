import ScenarioLanguage

extension ScenarioInterpreter {
    /// `inbox:` — reports or fails on unconsumed messages (those matching `ignore` excepted) among the first
    /// `sizes[connection]` messages of each connection (those that arrived while the steps ran).
    func auditInboxes(upTo sizes: [String: Int]) -> ScenarioFailure? {
        guard scenario.inbox != .off else { return nil }
        let ignores = (try? scenario.ignore.map { try ResolvedMatcher($0, lookup: lookup) }) ?? []
        var lines: [String] = []
        for (name, state) in connections.sorted(by: { $0.key < $1.key }) {
            let limit = sizes[name] ?? Int.max
            let left = state.unconsumed.filter { message in
                message.index < limit && !ignores.contains { $0.matches(message) }
            }
            guard !left.isEmpty else { continue }
            lines.append(
                "\(left.count) unconsumed \(left.count == 1 ? "message" : "messages") on \(name): "
                    + left.prefix(5).map { "#\($0.index) \($0.preview)" }.joined(separator: ", ")
                    + (left.count > 5 ? ", …" : ""))
        }
        guard !lines.isEmpty else { return nil }
        if scenario.inbox == .warn {
            warnings.append(contentsOf: lines)
            return nil
        }
        return ScenarioFailure(
            step: "", stepLabel: "inbox: strict", file: scenario.file, line: scenario.location.line,
            message: "inbox: strict — " + lines.joined(separator: "\n"))
    }

    /// A connection the server dropped without a close handshake, which no step asserted (`expect_error: closed`,
    /// `expect_close: 1006`): not a failure (the contract fails scenarios on protocol errors only), but a server
    /// that crashed mid-conversation should not pass unnoticed.
    func warnAboutUnassertedDrops() {
        for (name, state) in connections.sorted(by: { $0.key < $1.key }) {
            guard let error = state.pendingError, error.kind == .closed, !disconnected.contains(name) else { continue }
            warnings.append(
                "connection \(name): \(error.message), and no step expected it (assert it with expect_error: closed "
                    + "or expect_close: 1006)")
        }
    }

    /// A protocol error of the server that no step asserted (with `expect_error: protocol`) or ran into fails the
    /// scenario: the server broke RFC 6455 even though every step passed.
    func unassertedProtocolErrors() -> ScenarioFailure? {
        var lines = replacedProtocolErrors
        var location = scenario.location
        for (name, state) in connections.sorted(by: { $0.key < $1.key }) {
            guard let error = state.pendingError, error.kind == .protocol else { continue }
            if lines.isEmpty, let connect = connectLocations[name] { location = connect }
            lines.append(
                "connection \(name): \(error.message)"
                    + (state.pendingErrorStep.map { " (while step \($0) ran)" } ?? ""))
        }
        guard !lines.isEmpty else { return nil }
        // Reported at the `connect` of the connection (not a failed step: every step passed).
        return ScenarioFailure(
            step: "", stepLabel: "protocol", file: location.file, line: location.line,
            message: lines.joined(separator: "; ") + " — the server broke the WebSocket protocol and no step "
                + "expected it (assert it with expect_error: protocol)")
    }
}
