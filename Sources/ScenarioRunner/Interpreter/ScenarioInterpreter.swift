import Foundation
import ScenarioLanguage

/// Runs one scenario's steps against live (or scripted) connections and writes its transcript.
///
/// Used from one task only; connection events arrive on other threads into `ConnectionState`.
final class ScenarioInterpreter {
    let scenario: Scenario
    let connector: any ScenarioConnector
    let environment: RunEnvironment
    let transcript: TranscriptWriter
    let tracker = StepTracker()
    /// Matchers without variable references, resolved once per step path.
    let matcherCache = MatcherCache()
    // `@exclusivity(unchecked)`: read and written by the scenario's task only, never across a suspension while
    // borrowed; the runtime's access checks cost time on every step (BENCHMARKS.md, session 6).
    @exclusivity(unchecked) var variables: [String: JSONValue] = [:]
    @exclusivity(unchecked) var iterations: [Int] = []
    /// The `times:` of each enclosing `repeat`, parallel to `iterations`.
    @exclusivity(unchecked) var iterationTotals: [Int] = []
    @exclusivity(unchecked) var connections: [String: ConnectionState] = [:]
    /// The connection state looked up last (see `knownState`).
    @exclusivity(unchecked) var lastState: (name: String, state: ConnectionState)?
    /// Connections the scenario dropped with `disconnect` (not closed at the end).
    var disconnected: Set<String> = []
    var warnings: [String] = []
    /// Unasserted protocol errors of connections replaced by a new `connect` under the same name.
    var replacedProtocolErrors: [String] = []
    /// Where each connection's latest `connect` is written (failures that belong to a connection point there).
    var connectLocations: [String: SourceLocation] = [:]
    private let startNanos: UInt64

    init(
        scenario: Scenario, connector: any ScenarioConnector, environment: RunEnvironment,
        transcript: TranscriptWriter, startNanos: UInt64
    ) {
        self.scenario = scenario
        self.connector = connector
        self.environment = environment
        self.transcript = transcript
        self.startNanos = startNanos
    }

    /// The outcome of a scenario run.
    struct Outcome {
        var status: ScenarioStatus
        var failure: ScenarioFailure?
        var warnings: [String]
    }

    /// Runs the scenario to its end (or its first failure) and closes what is still open.
    nonisolated(nonsending) func run() async -> Outcome {
        transcript.record(
            .scenarioStart,
            [
                ("name", .string(scenario.name)), ("file", .string(scenario.file)),
                ("line", .int(scenario.location.line)), ("steps", .int(scenario.steps.count)),
            ])
        var status = ScenarioStatus.passed
        var failure: ScenarioFailure?
        do {
            try setInitialVariables()
            try await runSteps(scenario.steps, prefix: "")
        } catch let aborted as ScenarioAborted {
            status = aborted.interrupted ? .interrupted : .failed
            failure = aborted.failure
        } catch {
            status = .failed
            failure = ScenarioFailure(
                step: "", stepLabel: "vars", file: scenario.file, line: scenario.location.line,
                message: (error as? StepFailure)?.message ?? "\(error)")
        }
        tracker.current = nil
        // Taken before the end-of-scenario close, which may cause errors of its own.
        if status == .passed, let unasserted = unassertedProtocolErrors() {
            status = .failed
            failure = unasserted
        }
        if status == .passed { warnAboutUnassertedDrops() }
        // Closing runs outside this task so that it still waits briefly for the server when interrupted.
        let open = connections.sorted { $0.key < $1.key }.filter { !disconnected.contains($0.key) }.map(\.value)
        let all = Array(connections.values)
        let clock = environment.monotonicNanos
        let erredBefore = Set(open.filter { $0.pendingError?.kind == .protocol }.map(\.name))
        // The inbox audit covers what arrived while the steps ran: messages the end-of-scenario close itself causes
        // (a chat room announcing that a member left) are not part of the assertion.
        let inboxSizes = connections.mapValues(\.messageCount)
        let cleanup = Task { await ScenarioInterpreter.close(open, all: all, clock: clock) }
        await cleanup.value
        // The end-of-scenario close is outside the verdict, but a violation there is not silent.
        for state in open where !erredBefore.contains(state.name) {
            guard let error = state.pendingError, error.kind == .protocol else { continue }
            warnings.append(
                "connection \(state.name): the server broke the protocol while the connection was closed at the end "
                    + "of the scenario: \(error.message)")
        }
        if status == .passed, let auditFailure = auditInboxes(upTo: inboxSizes) {
            status = .failed
            failure = auditFailure
        }
        let duration = transcript.elapsed()
        var endFields: [(String, OutputJSON)] = [
            ("status", .string(status.rawValue)), ("duration", .double(ScenarioInterpreter.micro(duration))),
        ]
        if let failure { endFields.append(("message", .string(failure.summary))) }
        transcript.record(.scenarioEnd, endFields)
        let redactor = transcript.currentRedactor
        if var redacted = failure {
            redacted.message = redactor.redact(redacted.message)
            failure = redacted
        }
        return Outcome(status: status, failure: failure, warnings: warnings.map { redactor.redact($0) })
    }

    // MARK: steps

    /// Runs `steps` in order; on a failure records the remaining steps as skipped and rethrows.
    nonisolated(nonsending) func runSteps(_ steps: [Step], prefix: String) async throws {
        try await runSteps(steps, headings: StepHeading.list(steps, prefix: prefix, scenarioFile: scenario.file))
    }

    /// Runs `steps` (with their `headings`, in the same order).
    nonisolated(nonsending) func runSteps(_ steps: [Step], headings: [StepHeading]) async throws {
        for index in steps.indices {
            do {
                // Borrowed, not copied: a step holds many references, and a `repeat` body runs its steps often.
                try await runStep(steps[index], heading: headings[index])
            } catch let aborted as ScenarioAborted {
                for skipped in headings.dropFirst(index + 1) {
                    transcript.record(.stepEnd, step: skipped.path, [("status", .string("skipped"))])
                }
                transcript.flush()
                throw aborted
            }
        }
    }

    private nonisolated(nonsending) func runStep(_ step: Step, heading: StepHeading) async throws {
        let path = heading.path
        tracker.current = path
        // Not flushed per step: the writer flushes on size, on its timer, after a failed step and at the end.
        let stepStart = environment.monotonicNanos()
        transcript.recordStepStart(heading.lines, at: stepStart)
        do {
            if Task.isCancelled { throw ScenarioInterrupted() }
            if step.deferred.isEmpty {
                try await execute(step, path: path)
            } else {
                try await execute(try resolvingDeferred(step), path: path)
            }
            if Task.isCancelled { throw ScenarioInterrupted() }
        } catch let aborted as ScenarioAborted {
            tracker.current = path
            let nested = "nested step \(aborted.failure.step) failed"
            transcript.record(.stepEnd, step: path, [("status", .string("failed")), ("message", .string(nested))])
            throw aborted
        } catch {
            let interrupted = error is ScenarioInterrupted || error is CancellationError || Task.isCancelled
            let message = interrupted ? "interrupted" : (error as? StepFailure)?.message ?? "\(error)"
            transcript.record(.stepEnd, step: path, [("status", .string("failed")), ("message", .string(message))])
            transcript.flush()
            // A named step is shown with its kind too: `expect_message "wait for bye"`.
            var label = step.name.map { step.kind.described(named: $0) } ?? step.displayName
            if let iteration = iterations.last, let total = iterationTotals.last {
                label += ", iteration \(iteration) of \(total)"
            }
            let failure = ScenarioFailure(
                step: path, stepLabel: label, stepKind: step.kind.keyword, file: step.location.file,
                line: step.location.line, message: message)
            throw ScenarioAborted(failure: failure, interrupted: interrupted)
        }
        let stepEnd = environment.monotonicNanos()
        let elapsed = Double(stepEnd &- stepStart) / 1e9
        transcript.recordStepPassed(heading.lines, duration: ScenarioInterpreter.micro(elapsed), at: stepEnd)
    }

    /// Runs one step (its deferred arguments resolved). The two most frequent steps finish without suspending
    /// when they can (`send` writes at once from the event loop; `expect_message` takes a message already in the
    /// inbox): each suspension point costs a pass through the concurrency runtime.
    private nonisolated(nonsending) func execute(_ step: Step, path: String) async throws {
        switch step.kind {
        case .connect(let connect):
            connectLocations[connect.connection] = step.location
            try await self.connect(connect)
        case .expectHandshake(let expect): try await expectHandshake(expect)
        case .send(let send): try await self.send(send)
        case .ping(let ping): try await controlFrame(ping, isPing: true)
        case .pong(let pong): try await controlFrame(pong, isPing: false)
        case .close(let close): try await self.close(close)
        case .disconnect(let disconnect): try await self.disconnect(disconnect)
        case .sendFrame(let frame): try await sendFrame(frame)
        case .expectMessage(let expect):
            if try !expectMessageWithoutWaiting(expect) { try await expectMessage(expect) }
        case .expectMessages(let expect): try await expectMessages(expect)
        case .expectSilence(let expect): try await expectSilence(expect)
        case .expectPong(let expect): try await expectPong(expect)
        case .expectClose(let expect): try await expectClose(expect)
        case .expectError(let expect): try await expectError(expect)
        case .wait(let wait):
            do { try await Task.sleep(nanoseconds: wait.duration.nanoseconds) } catch { throw ScenarioInterrupted() }
        case .set(let set): try assign(set.assignments)
        case .repeat(let loop):
            let headings = StepHeading.list(loop.steps, prefix: path + ".", scenarioFile: scenario.file)
            for iteration in 1...max(1, loop.times) where loop.times > 0 {
                iterations.append(iteration)
                iterationTotals.append(loop.times)
                defer {
                    iterations.removeLast()
                    iterationTotals.removeLast()
                }
                try await runSteps(loop.steps, headings: headings)
                tracker.current = path
            }
        case .include(let include):
            try assign(include.vars)
            for assignment in include.defaults where variables[assignment.name] == nil { try assign([assignment]) }
            try await runSteps(include.steps, prefix: path + ".")
            tracker.current = path
        case .http(let http): try await self.http(http)
        }
    }

    // MARK: end of scenario

    /// Closes connections still open with 1000 (not asserted), waiting briefly (1 s in all) for the servers'
    /// answers, drops the ones still closing (after a protocol error) when that time is up, and waits (500 ms in
    /// all) for every transport to report how its connection ended (the `close` events).
    static func close(
        _ open: [ConnectionState], all: [ConnectionState], clock: @escaping @Sendable () -> UInt64
    ) async {
        // Every close frame first, then the answers: many connections end in about one round trip, not one each.
        var closing: [(ConnectionState, any ScenarioConnection)] = []
        for state in open {
            guard state.isOpen, let connection = state.connection else { continue }
            if state.serverClose == nil {
                try? await connection.close(code: 1000, reason: "", timeout: 1)
                state.markClientCloseSent()
            }
            closing.append((state, connection))
        }
        let answerDeadline = clock() &+ 1_000_000_000
        for (state, connection) in closing {
            let now = clock()
            if now < answerDeadline {
                _ = await waitUntil(state, clock: clock, timeoutNanos: answerDeadline - now) {
                    state.serverClose != nil || state.isTerminated
                }
            }
            if state.closed == nil { await connection.disconnect() }
        }
        // Connections already closing on their own — failed after a protocol error, their close frame sent and the
        // server's end awaited — get the same bounded wait, then are dropped, so that their `close` is recorded.
        for state in all where state.connection != nil && state.closed == nil {
            guard !closing.contains(where: { $0.0 === state }), let connection = state.connection else { continue }
            let now = clock()
            if now < answerDeadline {
                _ = await waitUntil(state, clock: clock, timeoutNanos: answerDeadline - now) { state.closed != nil }
            }
            if state.closed == nil { await connection.disconnect() }
        }
        let endDeadline = clock() &+ 500_000_000
        for state in all where state.connection != nil && state.closed == nil {
            let now = clock()
            guard now < endDeadline else { break }
            _ = await waitUntil(state, clock: clock, timeoutNanos: endDeadline - now) { state.closed != nil }
        }
    }

    /// Seconds rounded to microseconds.
    static func micro(_ seconds: Double) -> Double { (seconds * 1_000_000).rounded() / 1_000_000 }

    // MARK: waiting

    /// Waits until `condition` holds or `timeoutNanos` pass; true when it holds.
    nonisolated(nonsending) func waitUntil(
        _ state: ConnectionState, timeoutNanos: UInt64, _ condition: () -> Bool
    ) async -> Bool {
        await ScenarioInterpreter.waitUntil(
            state, clock: environment.monotonicNanos, timeoutNanos: timeoutNanos, condition)
    }

    nonisolated(nonsending) static func waitUntil(
        _ state: ConnectionState, clock: () -> UInt64, timeoutNanos: UInt64, _ condition: () -> Bool
    ) async -> Bool {
        let deadline = clock() &+ timeoutNanos
        while true {
            let generation = state.signal.current
            if condition() { return true }
            let now = clock()
            if now >= deadline || Task.isCancelled { return false }
            await state.signal.wait(since: generation, timeoutNanos: deadline - now)
        }
    }

    /// The state of connection `name`, creating it for `connect`.
    /// The state of connection `name`, if it was ever connected. Steps mostly act on the connection the previous
    /// step acted on: that one is answered without hashing its name (states are never removed or replaced).
    func knownState(_ name: String) -> ConnectionState? {
        if let last = lastState, last.name == name { return last.state }
        guard let state = connections[name] else { return nil }
        lastState = (name, state)
        return state
    }

    func state(_ name: String) -> ConnectionState {
        if let state = knownState(name) { return state }
        let state = ConnectionState(
            name: name, transcript: transcript, steps: tracker, clock: environment.monotonicNanos)
        connections[name] = state
        return state
    }

    /// The open connection `name`, or a failure explaining why it is not open.
    func openConnection(_ name: String) throws -> (ConnectionState, any ScenarioConnection) {
        guard let state = knownState(name) else {
            throw StepFailure("there is no connection named \(name) (connect it first)")
        }
        if let connection = state.usableConnection { return (state, connection) }
        throw StepFailure("connection \(name) is not open: \(describeEnd(state))")
    }

    /// Why a connection is not (or no longer) open.
    func describeEnd(_ state: ConnectionState) -> String {
        if let error = state.pendingError { return "\(error.kind.rawValue) error: \(error.message)" }
        if let closed = state.closed {
            return "closed by the \(closed.by.rawValue) with code \(closed.code)"
                + (closed.reason.isEmpty ? "" : " (\(OutputJSON.string(closed.reason).serialized()))")
        }
        if let close = state.serverClose {
            return "the server sent close \(close.code.map(String.init) ?? "without a code")"
                + (close.reason.isEmpty ? "" : " (\(OutputJSON.string(close.reason).serialized()))")
        }
        if state.connection == nil, let response = state.handshake, response.status != 101 {
            return "the server refused the upgrade with \(response.status)"
        }
        if state.connection == nil { return "it never opened" }
        if state.closeFrameSent { return "closing: wscenario sent a close frame, which the server has not answered" }
        return "open"
    }
}
