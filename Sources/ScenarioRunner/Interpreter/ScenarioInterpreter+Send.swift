import Foundation
import ScenarioLanguage

extension ScenarioInterpreter {
    func send(_ step: SendStep) async throws {
        let (_, connection) = try openConnection(step.connection)
        let fragments = max(1, step.fragments)
        do {
            switch step.payload {
            case .text(let template):
                try await connection.send(text: try render(template), fragments: fragments)
            case .json(let template):
                let value = try template.render(using: lookup)
                try await connection.send(text: value.description, fragments: fragments)
            case .binary(.bytes(let bytes)):
                try await connection.send(binary: bytes, fragments: fragments)
            case .binary(.file(let path)):
                guard let bytes = FilePayloadCache.shared.contents(atPath: path) else {
                    throw StepFailure("cannot read \(path)")
                }
                try await connection.send(binary: bytes, fragments: fragments)
            }
        } catch let failure as StepFailure {
            throw failure
        } catch {
            throw StepFailure("could not send on \(step.connection): \(error)")
        }
    }

    func controlFrame(_ step: ControlFrameStep, isPing: Bool) async throws {
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

    func close(_ step: CloseStep) async throws {
        guard let state = connections[step.connection] else {
            throw StepFailure("there is no connection named \(step.connection) (connect it first)")
        }
        if state.serverClose != nil, state.closed != nil { return }
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
        if state.serverClose == nil {
            throw StepFailure(
                "sent close, but the connection ended without a close frame from the server: "
                    + describeEnd(state))
        }
    }

    func disconnect(_ step: DisconnectStep) async throws {
        guard let state = connections[step.connection] else {
            throw StepFailure("there is no connection named \(step.connection) (connect it first)")
        }
        disconnected.insert(step.connection)
        guard let connection = state.connection else { return }
        await connection.disconnect()
    }

    func sendFrame(_ step: SendFrameStep) async throws {
        let (_, connection) = try openConnection(step.connection)
        let payload: [UInt8]
        switch step.payload {
        case .text(let template): payload = Array(try render(template).utf8)
        case .bytes(let bytes): payload = bytes
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
