import Foundation
import NIOCore
import ScenarioLanguage
import WebSocketCore
import WebSocketEngine

/// `ScenarioConnector` over the SwiftNIO engine (`WebSocketClient`).
public struct EngineConnector: ScenarioConnector {
    private let client: WebSocketClient
    private let httpClient: PlainHTTPClient
    private let clock: @Sendable () -> UInt64

    /// The event loops the connections run on (a scenario's steps run on one of them too).
    public var eventLoopGroup: EventLoopGroup { client.eventLoopGroup }

    /// Uses the shared event loop group; `clock` must be the runner's monotonic clock (transcript times).
    public init(
        client: WebSocketClient = WebSocketClient(),
        clock: @escaping @Sendable () -> UInt64 = RunEnvironment.live.monotonicNanos
    ) {
        self.client = client
        self.httpClient = PlainHTTPClient(eventLoopGroup: client.eventLoopGroup)
        self.clock = clock
    }

    public func connect(
        _ request: ConnectRequest, events: @escaping @Sendable (TimedConnectionEvent) -> Void
    ) async -> ConnectOutcome {
        let timeout = TimeAmount.nanoseconds(Int64(max(0.001, request.timeout) * 1e9))
        let tls = EngineConnector.engineOptions(request.tls)
        let configuration = WebSocketClientConfiguration(
            url: request.url, headers: request.headers.map { (name: $0.0, value: $0.1) },
            subprotocols: request.subprotocols, origin: request.origin, extensions: request.extensions, tls: tls,
            connectTimeout: timeout, handshakeTimeout: timeout, clock: clock)
        let translator = EngineEventTranslator(forward: events)
        let result = await client.connect(configuration) { event in translator.translate(event) }
        if let connection = result.connection {
            return .open(EngineConnection(connection), EngineEventTranslator.response(connection.response))
        }
        let error = result.error ?? WebSocketError(kind: .handshake, message: "the handshake did not complete")
        return .failed(EngineEventTranslator.failure(error))
    }

    public func send(_ call: HTTPCall) async -> Result<HandshakeResponse, ConnectionFailure> {
        guard let url = HTTPURL(call.url) else {
            return .failure(ConnectionFailure(kind: .refused, message: "not an http:// or https:// URL: \(call.url)"))
        }
        let timeout = TimeAmount.nanoseconds(Int64(max(0.001, call.timeout) * 1e9))
        switch await httpClient.send(
            call.request, to: url, tls: EngineConnector.engineOptions(call.tls), timeout: timeout)
        {
        case .success(let head): return .success(EngineEventTranslator.response(head))
        case .failure(let error): return .failure(EngineEventTranslator.failure(error))
        }
    }

    /// The engine's form of the plan's TLS settings (the engine does not depend on the language).
    static func engineOptions(_ options: TLSOptions?) -> WebSocketTLSOptions {
        guard let options else { return WebSocketTLSOptions() }
        return WebSocketTLSOptions(
            caFile: options.caFile, certificateFile: options.certificateFile, keyFile: options.keyFile,
            insecure: options.insecure, serverName: options.serverName)
    }
}
