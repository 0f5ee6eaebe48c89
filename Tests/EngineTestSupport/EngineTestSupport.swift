import NIOCore
import TestServer
import WebSocketCore
import WebSocketEngine

/// Connects with an inbox recording every event (bounded connect, handshake and close timeouts).
public func connect(_ url: String, _ configure: (inout WebSocketClientConfiguration) -> Void = { _ in })
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

/// Runs `body` against a fresh built-in server on a free 127.0.0.1 port, then shuts it down.
public func withServer(
    _ configuration: BuiltInServerConfiguration = BuiltInServerConfiguration(),
    _ body: (BuiltInServer) async throws -> Void
) async throws {
    let server = try await BuiltInServer.start(configuration)
    do {
        try await body(server)
    } catch {
        try await server.shutdown()
        throw error
    }
    try await server.shutdown()
}

/// Waits (bounded) until the inbox saw the close event.
public func waitForClose(_ inbox: WebSocketEventInbox, timeout: Double = 5) async -> CloseOutcome? {
    let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
    while NIODeadline.now() < deadline {
        if let outcome = inbox.closeOutcome { return outcome }
        try? await Task.sleep(nanoseconds: 20_000_000)
    }
    return inbox.closeOutcome
}
