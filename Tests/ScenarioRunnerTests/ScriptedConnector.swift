import Foundation
import ScenarioLanguage

@testable import ScenarioRunner

/// What the scripted server does with something the client sent.
enum ClientAction: Sendable {
    case text(String)
    case binary([UInt8])
    case ping([UInt8])
    case pong([UInt8])
    case close(Int?, String)
    case frame(RawFrameSpec)
}

/// One scripted server: how it answers the handshake, what it sends after the 101, how it reacts.
struct Script: Sendable {
    var failure: ConnectionFailure?
    var response = HandshakeResponse(status: 101, reason: "Switching Protocols", headers: [("Upgrade", "websocket")])
    /// Events delivered right after the 101 (e.g. a greeting that arrives with the handshake).
    var greeting: [ConnectionEvent] = []
    /// The server's reaction to each client action; the default echoes data and answers pings and closes.
    var react: @Sendable (ClientAction) -> [ConnectionEvent] = Script.echo

    static let echo: @Sendable (ClientAction) -> [ConnectionEvent] = { action in
        switch action {
        case .text(let text): return [.message(text: true, payload: Array(text.utf8))]
        case .binary(let bytes): return [.message(text: false, payload: bytes)]
        case .ping(let payload): return [.pong(payload)]
        case .pong: return []
        case .close(let code, let reason):
            return [
                .closeReceived(code: code ?? 1005, reason: reason),
                .closed(code: code ?? 1005, reason: reason, by: .client),
            ]
        case .frame: return []
        }
    }

    static func text(_ text: String) -> ConnectionEvent { .message(text: true, payload: Array(text.utf8)) }
}

/// A `ScenarioConnector` without sockets: every connection follows the script chosen for its request.
final class ScriptedConnector: ScenarioConnector, @unchecked Sendable {
    private let choose: @Sendable (ConnectRequest) -> Script
    private let answer: @Sendable (HTTPCall) -> Result<HandshakeResponse, ConnectionFailure>
    private let lock = NSLock()
    private var requestsStorage: [ConnectRequest] = []
    private var callsStorage: [HTTPCall] = []

    /// `answer` is the scripted HTTP server of `http` steps (by default: 404 for everything).
    init(
        _ choose: @escaping @Sendable (ConnectRequest) -> Script = { _ in Script() },
        http answer: @escaping @Sendable (HTTPCall) -> Result<HandshakeResponse, ConnectionFailure> = { _ in
            .success(HandshakeResponse(status: 404, reason: "Not Found"))
        }
    ) {
        self.choose = choose
        self.answer = answer
    }

    var requests: [ConnectRequest] { lock.withLock { requestsStorage } }

    /// The `http` steps' requests, in order.
    var calls: [HTTPCall] { lock.withLock { callsStorage } }

    func send(_ call: HTTPCall) async -> Result<HandshakeResponse, ConnectionFailure> {
        lock.withLock { callsStorage.append(call) }
        return answer(call)
    }

    func connect(
        _ request: ConnectRequest, events: @escaping @Sendable (TimedConnectionEvent) -> Void
    ) async -> ConnectOutcome {
        lock.withLock { requestsStorage.append(request) }
        let script = choose(request)
        events(TimedConnectionEvent(.handshakeRequest(method: "GET", path: "/", headers: request.headers)))
        if let failure = script.failure {
            if let response = failure.response { events(TimedConnectionEvent(.handshakeResponse(response))) }
            events(TimedConnectionEvent(.error(failure)))
            return .failed(failure)
        }
        events(TimedConnectionEvent(.handshakeResponse(script.response)))
        for event in script.greeting { events(TimedConnectionEvent(event)) }
        return .open(ScriptedConnection(script: script, events: events), script.response)
    }
}

/// The connection side of `ScriptedConnector`.
final class ScriptedConnection: ScenarioConnection, @unchecked Sendable {
    private let script: Script
    private let events: @Sendable (TimedConnectionEvent) -> Void
    private let lock = NSLock()
    private var closed = false

    init(script: Script, events: @escaping @Sendable (TimedConnectionEvent) -> Void) {
        self.script = script
        self.events = events
    }

    private func deliver(_ action: ClientAction, frame: FrameRecord) throws {
        guard !lock.withLock({ closed }) else { throw StepFailure("closed") }
        events(TimedConnectionEvent(.frameOut(frame)))
        for event in script.react(action) {
            if case .closed = event { lock.withLock { closed = true } }
            events(TimedConnectionEvent(event))
        }
    }

    func send(text: String, fragments: Int) async throws {
        try deliver(.text(text), frame: FrameRecord(opcode: 1, payload: Array(text.utf8), masked: true))
    }

    func send(binary: [UInt8], fragments: Int) async throws {
        try deliver(.binary(binary), frame: FrameRecord(opcode: 2, payload: binary, masked: true))
    }

    func ping(_ payload: [UInt8]) async throws {
        try deliver(.ping(payload), frame: FrameRecord(opcode: 9, payload: payload, masked: true))
    }

    func pong(_ payload: [UInt8]) async throws {
        try deliver(.pong(payload), frame: FrameRecord(opcode: 10, payload: payload, masked: true))
    }

    func sendFrame(_ frame: RawFrameSpec) async throws {
        try deliver(
            .frame(frame),
            frame: FrameRecord(
                opcode: frame.opcode, fin: frame.fin, rsv: frame.rsv,
                payload: frame.payload, masked: frame.masked))
    }

    func sendBytes(_ bytes: [UInt8]) async throws {}

    func close(code: Int?, reason: String, timeout: Double) async throws {
        var payload: [UInt8] = []
        if let code { payload = [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8) }
        try deliver(.close(code, reason), frame: FrameRecord(opcode: 8, payload: payload, masked: true))
    }

    func disconnect() async {
        let wasClosed = lock.withLock { () -> Bool in
            defer { closed = true }
            return closed
        }
        if !wasClosed { events(TimedConnectionEvent(.closed(code: 1006, reason: "", by: .client))) }
    }
}
