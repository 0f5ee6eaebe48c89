import Foundation
import ScenarioLanguage

extension ScenarioInterpreter {
    func existingState(_ name: String) throws -> ConnectionState {
        guard let state = knownState(name) else {
            throw StepFailure("there is no connection named \(name) (connect it first)")
        }
        return state
    }

    func resolvedIgnores() throws -> [ResolvedMatcher] {
        try scenario.ignore.enumerated().map { index, matcher in
            try matcherCache.resolve(matcher, key: "ignore#\(index)", lookup: lookup)
        }
    }

    nonisolated(nonsending) func expectMessage(_ step: ExpectMessageStep) async throws {
        let state = try existingState(step.connection)
        let matcher = try matcherCache.resolve(step.matcher, key: (tracker.current ?? "") + "#0", lookup: lookup)
        let ignores = try resolvedIgnores()
        let deadline = environment.monotonicNanos() &+ step.within.nanoseconds
        var seen: [Int: InboxMessage] = [:]
        var scanned = 0
        while true {
            let generation = state.signal.current
            let ended = state.isTerminated
            if try scanInbox(step, state, matcher, ignores, scanned: &scanned, seen: &seen) { return }
            if Task.isCancelled { throw ScenarioInterrupted() }
            let now = environment.monotonicNanos()
            if now >= deadline || ended {
                let why =
                    ended
                    ? "the connection ended (\(describeEnd(state))) before a matching message arrived"
                    : "no matching message arrived within \(step.within.shortDescription)"
                throw StepFailure(
                    "expected a message on \(step.connection): \(matcher.description)\n\(why)\n"
                        + MismatchExplainer.explain(matcher, Array(seen.values).sorted { $0.index < $1.index }))
            }
            await state.signal.wait(since: generation, timeoutNanos: deadline - now)
        }
    }

    /// For an `ordered` failure: the unconsumed messages behind the one that is next (a few), and the first of them
    /// that would have matched — the usual sign that messages came in another order.
    static func behind(
        _ next: InboxMessage, in state: ConnectionState, matcher: ResolvedMatcher, ignores: [ResolvedMatcher]
    ) -> String {
        let rest = state.unconsumed.filter { message in
            message.index > next.index && !ignores.contains { $0.matches(message) }
        }
        guard !rest.isEmpty else { return "" }
        var text = "\nunconsumed behind it (\(rest.count)):"
        for message in rest.prefix(10) { text += "\n  #\(message.index) \(message.preview)" }
        if rest.count > 10 { text += "\n  …" }
        if let match = rest.first(where: { matcher.matches($0) }) {
            text += "\n#\(match.index) matches, but it is not the next message (the order differs)"
        }
        return text
    }

    /// `expect_message` when a matching message has already arrived: consumes it and returns true without
    /// suspending. False when the step has to wait (`expectMessage(_:)` then scans again from the start).
    func expectMessageWithoutWaiting(_ step: ExpectMessageStep) throws -> Bool {
        let state = try existingState(step.connection)
        let matcher = try matcherCache.resolve(step.matcher, key: (tracker.current ?? "") + "#0", lookup: lookup)
        let ignores = try resolvedIgnores()
        var seen: [Int: InboxMessage] = [:]
        var scanned = 0
        return try scanInbox(step, state, matcher, ignores, scanned: &scanned, seen: &seen)
    }

    /// Looks at the messages that arrived since `scanned`: consumes the first match (and captures from it) and
    /// returns true; consumes ignored ones; remembers the others in `seen`; throws on an unexpected one when
    /// `ordered`.
    private func scanInbox(
        _ step: ExpectMessageStep, _ state: ConnectionState, _ matcher: ResolvedMatcher, _ ignores: [ResolvedMatcher],
        scanned: inout Int, seen: inout [Int: InboxMessage]
    ) throws -> Bool {
        while let message = state.nextUnconsumed(from: scanned) {
            scanned = message.index + 1
            if matcher.matches(message) {
                state.consume(message.index)
                try capture(step, from: message, connection: step.connection)
                return true
            }
            if ignores.contains(where: { $0.matches(message) }) {
                state.consume(message.index)
                continue
            }
            seen[message.index] = message
            if step.ordered {
                throw StepFailure(
                    "expected the next message on \(step.connection) to be \(matcher.description)"
                        + " (ordered), but it is #\(message.index) \(message.preview)\n"
                        + MismatchExplainer.diff(matcher, message)
                        + ScenarioInterpreter.behind(message, in: state, matcher: matcher, ignores: ignores))
            }
        }
        return false
    }

    /// `capture:` and `capture_regex:` from the matched message.
    private func capture(_ step: ExpectMessageStep, from message: InboxMessage, connection: String) throws {
        // Patterns first: their placeholders see the variables as they were before this step's captures (as
        // `check` does).
        let regexes = try step.regexCaptures.map { try $0.regex.resolved(using: lookup) }
        let paths = try step.captures.map { try $0.path.resolved(using: lookup) }
        if !step.captures.isEmpty {
            guard let document = ResolvedMatcher.document(message) else {
                throw StepFailure("capture: the matched message is not JSON: \(message.preview)")
            }
            for (capture, path) in zip(step.captures, paths) {
                guard let value = path.value(in: document) else {
                    throw StepFailure("capture \(capture.name): \(path.source) selects nothing in \(message.preview)")
                }
                recordCapture(capture.name, value, connection: connection)
            }
        }
        for (capture, regex) in zip(step.regexCaptures, regexes) {
            guard let text = message.text, regex.matches(text) else {
                throw StepFailure("capture_regex \(capture.name): \(regex) does not match \(message.preview)")
            }
            guard let group = regex.firstGroup(in: text) else {
                throw StepFailure(
                    "capture_regex \(capture.name): \(regex) matches \(message.preview), but its first group "
                        + "took no part in the match (make the group itself optional: (x?) instead of (x)?)")
            }
            recordCapture(capture.name, .string(group), connection: connection)
        }
    }

    func recordCapture(_ name: String, _ value: JSONValue, connection: String?) {
        setVariable(name, value)
        transcript.record(
            .capture, connection: connection, step: tracker.current,
            [("name", .string(name)), ("value", OutputJSON(value))])
    }

    nonisolated(nonsending) func expectMessages(_ step: ExpectMessagesStep) async throws {
        let state = try existingState(step.connection)
        let path = tracker.current ?? ""
        let matchers = try step.all.enumerated().map { index, matcher in
            try matcherCache.resolve(matcher, key: path + "#\(index)", lookup: lookup)
        }
        let ignores = try resolvedIgnores()
        var assignment = MessageAssignment(matcherCount: matchers.count)
        var seen: [Int: InboxMessage] = [:]
        let deadline = environment.monotonicNanos() &+ step.within.nanoseconds
        var scanned = 0
        // Messages are taken (consumed) only once every matcher has one: until then a message may move to
        // another matcher it also fits.
        func finish() {
            for index in assignment.assignedMessages { state.consume(index) }
        }
        while true {
            let generation = state.signal.current
            let ended = state.isTerminated
            while let message = state.nextUnconsumed(from: scanned) {
                scanned = message.index + 1
                let fits = matchers.indices.filter { matchers[$0].matches(message) }
                // A message no matcher can use (also one that fits only matchers satisfied for good) is left for
                // later steps, unless `ignore:` takes it.
                if !assignment.add(message: message.index, fits: fits),
                    ignores.contains(where: { $0.matches(message) })
                {
                    state.consume(message.index)
                    continue
                }
                seen[message.index] = message
                if assignment.isComplete { return finish() }
            }
            if assignment.isComplete { return finish() }
            if Task.isCancelled { throw ScenarioInterrupted() }
            let now = environment.monotonicNanos()
            if now >= deadline || ended {
                let pending = assignment.unassigned
                let taken = Set(assignment.assignedMessages)
                let candidates = seen.values.filter { !taken.contains($0.index) }.sorted { $0.index < $1.index }
                var text =
                    "expected \(matchers.count) message\(matchers.count == 1 ? "" : "s") on \(step.connection) in any order; "
                    + "\(pending.count) did not arrive "
                    + (state.isTerminated
                        ? "(the connection ended: \(describeEnd(state)))" : "within \(step.within.shortDescription)")
                for index in pending {
                    text += "\nmissing all[\(index)]: \(matchers[index].description)"
                }
                // What did match (nothing is consumed when the step fails): the messages stay in the inbox.
                for (index, messageIndex) in assignment.messageOfMatcher.sorted(by: { $0.key < $1.key }) {
                    guard let message = seen[messageIndex] else { continue }
                    text += "\nmatched all[\(index)]: #\(message.index) \(message.preview) (left unconsumed)"
                }
                if let first = pending.first { text += "\n" + MismatchExplainer.explain(matchers[first], candidates) }
                throw StepFailure(text)
            }
            await state.signal.wait(since: generation, timeoutNanos: deadline - now)
        }
    }

    nonisolated(nonsending) func expectSilence(_ step: ExpectSilenceStep) async throws {
        let state = try existingState(step.connection)
        let ignores = try resolvedIgnores()
        let firstNew = state.messageCount
        let start = environment.monotonicNanos()
        let deadline = start &+ step.duration.nanoseconds
        // A connection that ends during the step (the server's close, a drop, a violation) is not silence; the
        // server's answer to a close wscenario already sent is expected, and not a failure.
        let endedBefore = state.isTerminated || state.serverClose != nil || state.closeFrameSent
        while true {
            let generation = state.signal.current
            var scanned = firstNew
            while let message = state.nextUnconsumed(from: scanned) {
                scanned = message.index + 1
                if ignores.contains(where: { $0.matches(message) }) {
                    state.consume(message.index)
                    continue
                }
                throw StepFailure(
                    "expected no message on \(step.connection) for \(step.duration.shortDescription), "
                        + "but received #\(message.index) \(message.preview)")
            }
            if Task.isCancelled { throw ScenarioInterrupted() }
            let now = environment.monotonicNanos()
            if !endedBefore, state.isTerminated || state.serverClose != nil {
                // Point at the step that asserts what happened: a protocol error, or a close.
                let hint =
                    state.pendingError?.kind == .protocol
                    ? "expect_error: protocol asserts a violation" : "expect_close asserts a close"
                throw StepFailure(
                    "expected silence on \(step.connection) for \(step.duration.shortDescription), but the connection "
                        + "ended after \(Duration.nanoseconds(Int64(now &- start)).shortDescription): \(describeEnd(state)) "
                        + "(\(hint))")
            }
            if now >= deadline { return }
            await state.signal.wait(since: generation, timeoutNanos: deadline - now)
        }
    }

    nonisolated(nonsending) func expectPong(_ step: ExpectPongStep) async throws {
        let state = try existingState(step.connection)
        let payload = try step.payload.map { Array(try render($0).utf8) }
        var taken: [UInt8]?
        _ = await waitUntil(state, timeoutNanos: step.within.nanoseconds) {
            taken = state.takePong(matching: payload)
            return taken != nil || state.isTerminated
        }
        if Task.isCancelled { throw ScenarioInterrupted() }
        if taken != nil { return }
        let expected =
            payload.map { "a pong with payload \(OutputJSON.string(String(decoding: $0, as: UTF8.self)).serialized())" }
            ?? "a pong"
        let received = state.receivedPongs.map { OutputJSON.string(String(decoding: $0, as: UTF8.self)).serialized() }
        var text = "expected \(expected) on \(step.connection) within \(step.within.shortDescription)"
        text += received.isEmpty ? ", but no pong arrived" : ", but received pongs: " + received.joined(separator: ", ")
        if state.isTerminated { text += " (the connection ended: \(describeEnd(state)))" }
        throw StepFailure(text)
    }

    nonisolated(nonsending) func expectClose(_ step: ExpectCloseStep) async throws {
        let state = try existingState(step.connection)
        let deadline = environment.monotonicNanos() &+ step.within.nanoseconds
        _ = await waitUntil(state, timeoutNanos: step.within.nanoseconds) {
            state.serverClose != nil || state.isTerminated
        }
        if state.serverClose == nil, state.connection != nil, state.closed == nil, state.pendingError != nil {
            // An error (e.g. the TCP drop) is reported before the transport's `close`; a close frame may still
            // follow it, so wait for the end within what is left of `within`.
            let now = environment.monotonicNanos()
            _ = await waitUntil(state, timeoutNanos: deadline > now ? deadline - now : 0) {
                state.serverClose != nil || state.closed != nil
            }
        }
        if Task.isCancelled { throw ScenarioInterrupted() }
        let code: Int
        let reason: String
        if let close = state.serverClose {
            code = close.code ?? 1005
            reason = close.reason
        } else if state.connection != nil, state.isTerminated {
            // The connection ended without a close frame from the server: that counts as 1006.
            code = 1006
            reason = ""
        } else if state.isTerminated {
            throw StepFailure("expected the server to close \(step.connection), but \(describeEnd(state))")
        } else {
            throw StepFailure(
                "expected the server to close \(step.connection) within \(step.within.shortDescription), "
                    + "but it is still open")
        }
        // A close frame that itself broke the protocol (a code that must not be sent such as 1005, a reason that is
        // not UTF-8, a fragmented or over-long close), or a violation before it, is not the close expected.
        if let error = state.pendingError, error.kind == .protocol {
            throw StepFailure(
                "expected a close from the server, but it broke the protocol: \(error.message) "
                    + "(assert that with expect_error: protocol)")
        }
        var problems: [String] = []
        if let codes = step.codes, !codes.contains(where: { Int($0) == code }) {
            let expected = codes.map(String.init).joined(separator: " or ")
            if code == 1006, state.serverClose == nil, let failure = state.firstError, failure.kind == .protocol {
                // wscenario failed the connection itself (an asserted violation): no close of the server is read
                // after that, so the only close there is, is the client's.
                let sent = failure.closeCode.map { " and sent close \($0)" } ?? ""
                problems.append(
                    "expected close code \(expected) from the server, but wscenario failed the connection after a "
                        + "protocol error (\(failure.message))\(sent); nothing the server sends after that is "
                        + "read, its close frame included (RFC 6455 §7.1.7), so the close counts as 1006")
            } else {
                // A close frame that broke the protocol (its violation already asserted with expect_error) is named
                // as such: "got 1005" alone reads as if the server had sent a valid close.
                var broke = ""
                if state.serverClose != nil, let failure = state.firstError, failure.kind == .protocol {
                    broke =
                        "; that close broke the protocol (\(failure.message)), and wscenario answered with close "
                        + "\(failure.closeCode.map(String.init) ?? "1002")"
                }
                problems.append(
                    code == 1006
                        ? "expected close code \(expected), but the connection ended without a close frame (1006)"
                        : "expected close code \(expected), got \(code)"
                            + (reason.isEmpty ? "" : " (reason \(OutputJSON.string(reason).serialized()))") + broke)
            }
        }
        if let expected = step.reason, !(try matches(expected, reason)) {
            problems.append(
                "expected close reason \(try describe(expected)), got \(OutputJSON.string(reason).serialized())")
        }
        if !problems.isEmpty { throw StepFailure(problems.joined(separator: "\n")) }
        // An expected 1006 asserts the dropped connection; any other error (a protocol violation) stays pending.
        if code == 1006, state.pendingError?.kind == .closed { state.consumeError() }
    }
}
