import NIOCore
import WebSocketCore
import WebSocketEngine

/// A short name per event, to assert on order.
func eventNames(_ inbox: WebSocketEventInbox) -> [String] {
    inbox.events.map { timed in
        switch timed.event {
        case .handshakeRequest: return "request"
        case .handshakeResponse(let head, _): return "response \(head.status)"
        case .frameOut(let frame): return "out \(frame.opcode.name)"
        case .bytesOut: return "bytes out"
        case .frameIn(let frame): return "in \(frame.opcode.name)"
        case .messageIn(let message): return "message \(message.kind.rawValue)"
        case .closed(let outcome): return "closed \(outcome.code)"
        case .error(let error): return "error \(error.kind.rawValue)"
        }
    }
}

/// The close code in a client close frame.
func closeCode(_ frame: WebSocketFrame?) -> UInt16? {
    guard let frame, frame.opcode == .close, let payload = try? ClosePayload.parse(frame.payload) else { return nil }
    return payload.code
}
