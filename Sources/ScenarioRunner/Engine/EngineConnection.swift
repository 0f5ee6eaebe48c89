import NIOCore
import WebSocketCore
import WebSocketEngine

/// `ScenarioConnection` over the engine's `WebSocketConnection`.
final class EngineConnection: ScenarioConnection {
    private let connection: WebSocketConnection

    init(_ connection: WebSocketConnection) {
        self.connection = connection
    }

    func send(text: String, fragments: Int) async throws {
        try await connection.send(text: text, fragments: fragments)
    }

    func send(binary: [UInt8], fragments: Int) async throws {
        try await connection.send(binary: binary, fragments: fragments)
    }

    func sendWithoutSuspending(text: String, fragments: Int) throws -> Bool {
        try connection.sendIfOnLoop(opcode: .text, payload: ByteBuffer(string: text), fragments: fragments)
    }

    func sendWithoutSuspending(binary: ByteBuffer, fragments: Int) throws -> Bool {
        try connection.sendIfOnLoop(opcode: .binary, payload: binary, fragments: fragments)
    }

    func ping(_ payload: [UInt8]) async throws {
        try await connection.ping(payload)
    }

    func pong(_ payload: [UInt8]) async throws {
        try await connection.pong(payload)
    }

    func sendFrame(_ frame: RawFrameSpec) async throws {
        let rsv: UInt8 =
            (frame.rsv.count > 0 && frame.rsv[0] ? 0b100 : 0) | (frame.rsv.count > 1 && frame.rsv[1] ? 0b010 : 0)
            | (frame.rsv.count > 2 && frame.rsv[2] ? 0b001 : 0)
        let raw = RawFrame(
            opcode: WebSocketOpcode(rawValue: frame.opcode), fin: frame.fin, rsv: rsv, masked: frame.masked,
            payload: ByteBuffer(bytes: frame.payload), lengthOverride: frame.claimedLength)
        try await connection.sendFrame(raw)
    }

    var isWritable: Bool { connection.isWritable }

    func waitUntilWritable(timeout: Double) async -> Bool {
        await connection.waitUntilWritable(timeout: .nanoseconds(Int64(max(0, timeout) * 1e9)))
    }

    func sendBytes(_ bytes: [UInt8]) async throws {
        try await connection.sendBytes(bytes)
    }

    func close(code: Int?, reason: String, timeout: Double) async throws {
        // The engine's close future ends with the whole closing handshake; the interpreter waits on events instead.
        _ = connection.startClose(
            code: code.map { UInt16(clamping: $0) }, reason: reason,
            timeout: .nanoseconds(Int64(max(0.05, timeout) * 1e9)))
    }

    func disconnect() async {
        connection.disconnect()
    }
}
