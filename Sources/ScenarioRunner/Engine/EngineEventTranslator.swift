import Foundation
import NIOCore
import ScenarioLanguage
import WebSocketCore
import WebSocketEngine

/// Turns engine events into the interpreter's connection events (pongs and the server's close frame picked out
/// of incoming frames; a dropped TCP connection reported as a `closed` error).
final class EngineEventTranslator: @unchecked Sendable {
    private let forward: @Sendable (TimedConnectionEvent) -> Void
    private let lock = NSLock()
    private var sawError = false

    init(forward: @escaping @Sendable (TimedConnectionEvent) -> Void) {
        self.forward = forward
    }

    func translate(_ timed: TimedWebSocketEvent) {
        let at = timed.time
        func emit(_ event: ConnectionEvent) { forward(TimedConnectionEvent(event, nanos: at)) }
        switch timed.event {
        case .handshakeRequest(let request):
            emit(
                .handshakeRequest(
                    method: request.method, path: request.path,
                    headers: request.headers.fields.map { ($0.name, $0.value) }))
        case .handshakeResponse(let head, _):
            emit(.handshakeResponse(EngineEventTranslator.response(head)))
        case .frameOut(let record):
            emit(.frameOut(EngineEventTranslator.frame(record)))
        case .bytesOut(let buffer):
            emit(.bytesOut(Array(buffer.readableBytesView)))
        case .frameIn(let record):
            emit(.frameIn(EngineEventTranslator.frame(record)))
            if record.opcode == .pong { emit(.pong(Array(record.payload.readableBytesView))) }
            if record.opcode == .close {
                let payload = Array(record.payload.readableBytesView)
                let code = payload.count >= 2 ? Int(payload[0]) << 8 | Int(payload[1]) : nil
                let reason = payload.count > 2 ? String(decoding: payload[2...], as: UTF8.self) : ""
                emit(.closeReceived(code: code, reason: reason))
            }
        case .messageIn(let message):
            emit(.message(text: message.kind == .text, data: message.data))
        case .closed(let outcome):
            let synthesize =
                lock.withLock { !sawError } && !outcome.clean && outcome.code == 1006
                && outcome.initiator == .server
            if synthesize {
                emit(
                    .error(
                        ConnectionFailure(
                            kind: .closed, message: "the TCP connection ended without a close handshake (1006)")))
            }
            emit(
                .closed(
                    code: Int(outcome.code), reason: outcome.reason,
                    by: outcome.initiator == .client ? .client : .server))
        case .error(let error):
            lock.withLock { sawError = true }
            emit(.error(EngineEventTranslator.failure(error)))
        }
    }

    /// The transcript's record of `record`: only the payload bytes a transcript can show are copied.
    static func frame(_ record: WebSocketFrameRecord) -> FrameRecord {
        FrameRecord(
            opcode: record.opcode.rawValue, fin: record.fin, rsv: EngineEventTranslator.rsvBits(record.rsv),
            payloadPrefix: FrameRecord.keptPrefix(of: record.payload), payloadLength: record.payload.readableBytes,
            length: Int(clamping: record.length), masked: record.masked, compressed: record.compressed)
    }

    private static let noRSV = [false, false, false]

    /// RSV1...RSV3 as booleans; the common all-clear case shares one array instead of allocating one per frame.
    static func rsvBits(_ rsv: UInt8) -> [Bool] {
        rsv == 0 ? noRSV : [rsv & 0b100 != 0, rsv & 0b010 != 0, rsv & 0b001 != 0]
    }

    static func response(_ head: HTTPResponseHead) -> HandshakeResponse {
        HandshakeResponse(
            status: head.status, reason: head.reason, headers: head.headers.fields.map { ($0.name, $0.value) },
            body: Array(head.body.readableBytesView), bodyTruncated: head.bodyTruncated)
    }

    static func failure(_ error: WebSocketError) -> ConnectionFailure {
        let kind: ScenarioLanguage.ConnectionErrorKind
        var message = error.message
        switch error.kind {
        case .refused: kind = .refused
        case .dns: kind = .dns
        case .timeout: kind = .timeout
        case .tls: kind = .tls
        case .handshake: kind = .handshake
        case .protocol: kind = .protocol
        case .closed: kind = .closed
        case .invalidConfiguration:
            kind = .handshake
            message = "invalid configuration: " + message
        }
        return ConnectionFailure(
            kind: kind, message: message, response: error.response.map(response),
            closeCode: error.closeCode.map(Int.init))
    }
}
