import Foundation
import NIOCore
import ScenarioLanguage

extension ScenarioInterpreter {
    nonisolated(nonsending) func send(_ step: SendStep) async throws {
        if let pending = try sendWithoutSuspending(step) { try await send(pending, on: step.connection) }
        try await awaitWritable(step.connection)
    }

    /// Backpressure: when the transport holds more unsent data than it should (the server is not reading as fast as
    /// the scenario sends), waits until it drains, for at most the scenario's `timeout`. Costs one property read
    /// when the data went out.
    nonisolated(nonsending) func awaitWritable(_ name: String) async throws {
        guard let connection = knownState(name)?.connection, !connection.isWritable else { return }
        guard await connection.waitUntilWritable(timeout: scenario.timeout.seconds) else {
            throw StepFailure(
                "the server is not reading on \(name): what was sent is still waiting to be written after "
                    + "\(scenario.timeout.shortDescription) (a stalled or slow consumer)")
        }
    }

    /// Sends what `sendWithoutSuspending(_:)` could not.
    nonisolated(nonsending) func send(_ pending: PendingSend, on name: String) async throws {
        do {
            switch pending.payload {
            case .text(let text): try await pending.connection.send(text: text, fragments: pending.fragments)
            case .binary(let bytes):
                try await pending.connection.send(binary: Array(bytes.readableBytesView), fragments: pending.fragments)
            }
        } catch {
            throw StepFailure("could not send on \(name): \(error)" + endNote(name))
        }
    }

    /// How connection `name` ended, for a send that failed because it had (empty while it is open).
    func endNote(_ name: String) -> String {
        guard let state = connections[name] else { return "" }
        let end = describeEnd(state)
        return end == "open" ? "" : " — \(end)"
    }

    /// Renders the payload and sends it at once when the connection can without suspending (the interpreter runs
    /// on the connection's event loop); otherwise returns what `send(_:)` must still send.
    func sendWithoutSuspending(_ step: SendStep) throws -> PendingSend? {
        let (_, connection) = try openConnection(step.connection)
        let fragments = max(1, step.fragments)
        let payload: PendingSend.Payload
        switch step.payload {
        case .text(let template): payload = .text(try render(template))
        case .json(let template): payload = .text(try template.render(using: lookup).description)
        case .binary(.bytes(let bytes)): payload = .binary(ByteBuffer(bytes: bytes))
        case .binary(.encoded(let encoded)): payload = .binary(ByteBuffer(bytes: try encoded.resolved(using: lookup)))
        case .binary(.file(let path)):
            guard let bytes = FilePayloadCache.shared.buffer(atPath: path) else {
                throw StepFailure("cannot read \(path)")
            }
            payload = .binary(bytes)
        }
        do {
            let sent: Bool
            switch payload {
            case .text(let text): sent = try connection.sendWithoutSuspending(text: text, fragments: fragments)
            case .binary(let bytes): sent = try connection.sendWithoutSuspending(binary: bytes, fragments: fragments)
            }
            return sent ? nil : PendingSend(connection: connection, payload: payload, fragments: fragments)
        } catch {
            throw StepFailure("could not send on \(step.connection): \(error)" + endNote(step.connection))
        }
    }

    nonisolated(nonsending) func controlFrame(_ step: ControlFrameStep, isPing: Bool) async throws {
        let (_, connection) = try openConnection(step.connection)
        let payload = Array(try render(step.payload).utf8)
        guard payload.count <= 125 else {
            throw StepFailure(
                "a \(isPing ? "ping" : "pong") payload may have at most 125 bytes, this one has \(payload.count)")
        }
        do {
            if isPing { try await connection.ping(payload) } else { try await connection.pong(payload) }
        } catch {
            throw StepFailure("could not send a \(isPing ? "ping" : "pong") on \(step.connection): \(error)")
        }
    }

    nonisolated(nonsending) func close(_ step: CloseStep) async throws {
        guard let state = connections[step.connection] else {
            throw StepFailure("there is no connection named \(step.connection) (connect it first)")
        }
        if state.serverClose != nil, state.closed != nil, !state.clientClosed { return }
        // A connection that already ended by the server's doing or with an error: nothing to close, once the
        // error was asserted.
        if let error = state.pendingError, state.connection != nil {
            throw StepFailure(
                "connection \(step.connection) already ended with a \(error.kind.rawValue) error: \(error.message) "
                    + "(assert it with expect_error: \(error.kind.rawValue)"
                    + (error.kind == .closed ? " or expect_close: { code: 1006 }" : "") + " before closing)")
        }
        if state.connection != nil, state.failed || state.closed?.by == .server { return }
        let (_, connection) = try openConnection(step.connection)
        let reason = try render(step.reason)
        do {
            try await connection.close(code: step.code.map(Int.init), reason: reason, timeout: step.within.seconds + 1)
        } catch {
            throw StepFailure("could not send a close frame on \(step.connection): \(error)")
        }
        state.markClientCloseSent()
        let answered = await waitUntil(state, timeoutNanos: step.within.nanoseconds) {
            state.serverClose != nil || state.isTerminated
        }
        if Task.isCancelled { throw ScenarioInterrupted() }
        if !answered {
            throw StepFailure(
                "sent close \(step.code.map(String.init) ?? "without a code"), but the server did not answer "
                    + "with a close frame within \(step.within.shortDescription)")
        }
        if let error = state.pendingError, error.kind == .protocol {
            throw StepFailure("sent close, but the server's answer broke the protocol: \(error.message)")
        }
        if state.serverClose == nil {
            throw StepFailure(
                "sent close, but the connection ended without a close frame from the server: "
                    + describeEnd(state))
        }
    }

    nonisolated(nonsending) func disconnect(_ step: DisconnectStep) async throws {
        guard let state = connections[step.connection] else {
            throw StepFailure("there is no connection named \(step.connection) (connect it first)")
        }
        disconnected.insert(step.connection)
        guard let connection = state.connection else { return }
        await connection.disconnect()
    }

    nonisolated(nonsending) func sendFrame(_ step: SendFrameStep) async throws {
        let (_, connection) = try openConnection(step.connection)
        let payload: [UInt8]
        switch step.payload {
        case .text(let template): payload = Array(try render(template).utf8)
        case .bytes(let bytes): payload = bytes
        case .encoded(let encoded): payload = try encoded.resolved(using: lookup)
        }
        let frame = RawFrameSpec(
            opcode: step.opcode, fin: step.fin, rsv: step.rsv, masked: step.masked, payload: payload,
            claimedLength: step.length)
        do {
            try await connection.sendFrame(frame)
        } catch {
            throw StepFailure("could not send the frame on \(step.connection): \(error)")
        }
    }
}
