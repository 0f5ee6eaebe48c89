import NIOCore
import WebSocketCore
import WebSocketEngine

/// Connects with an inbox recording every event.
func connect(_ url: String, _ configure: (inout WebSocketClientConfiguration) -> Void = { _ in })
    async -> (WebSocketConnectResult, WebSocketEventInbox)
{
    var configuration = WebSocketClientConfiguration(url: url)
    configuration.connectTimeout = .seconds(5)
    configuration.handshakeTimeout = .seconds(5)
    configuration.closeTimeout = .seconds(2)
    configure(&configuration)
    let inbox = WebSocketEventInbox()
    let result = await WebSocketClient().connect(configuration) { inbox.receive($0) }
    return (result, inbox)
}

/// Waits (bounded) until the inbox saw the close event.
func waitForClose(_ inbox: WebSocketEventInbox, timeout: Double = 5) async -> CloseOutcome? {
    let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
    while NIODeadline.now() < deadline {
        if let outcome = inbox.closeOutcome { return outcome }
        try? await Task.sleep(nanoseconds: 20_000_000)
    }
    return inbox.closeOutcome
}

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
