import NIOCore

/// A raw frame for `send_frame` (negative tests).
public struct RawFrameSpec: Sendable, Equatable {
    public var opcode: UInt8
    public var fin: Bool
    public var rsv: [Bool]
    public var masked: Bool
    public var payload: [UInt8]
    /// A length to claim in the header instead of the payload's real length.
    public var claimedLength: UInt64?

    public init(
        opcode: UInt8, fin: Bool = true, rsv: [Bool] = [false, false, false], masked: Bool = true,
        payload: [UInt8] = [], claimedLength: UInt64? = nil
    ) {
        self.opcode = opcode
        self.fin = fin
        self.rsv = rsv
        self.masked = masked
        self.payload = payload
        self.claimedLength = claimedLength
    }
}

/// What the interpreter needs from an open WebSocket connection.
///
/// Everything that happens on the connection (frames in and out, messages, close, errors) is reported
/// through the event handler given to `ScenarioConnector.connect`.
public protocol ScenarioConnection: AnyObject, Sendable {
    /// Sends a text message, split into `fragments` frames (1 = unfragmented).
    func send(text: String, fragments: Int) async throws
    /// Sends a text message without suspending when the transport can (the interpreter runs on the connection's
    /// thread); false when it cannot, and `send(text:fragments:)` must be used.
    func sendWithoutSuspending(text: String, fragments: Int) throws -> Bool
    /// Like `sendWithoutSuspending(text:fragments:)`, for a binary message (shared, not copied).
    func sendWithoutSuspending(binary: ByteBuffer, fragments: Int) throws -> Bool
    /// Sends a binary message, split into `fragments` frames.
    func send(binary: [UInt8], fragments: Int) async throws
    func ping(_ payload: [UInt8]) async throws
    func pong(_ payload: [UInt8]) async throws
    /// Writes one raw frame exactly as described.
    func sendFrame(_ frame: RawFrameSpec) async throws
    /// Writes raw bytes to the socket.
    func sendBytes(_ bytes: [UInt8]) async throws
    /// Sends a close frame (no code when `code` is nil) and returns; the server's answer arrives as events.
    /// The transport drops TCP when the server has not answered after `timeout` seconds.
    func close(code: Int?, reason: String, timeout: Double) async throws
    /// Drops the TCP connection without a close frame.
    func disconnect() async
    /// Whether the transport takes more data without piling it up (false: the peer is not reading fast enough).
    var isWritable: Bool { get }
    /// Waits until the transport is writable again, at most `timeout` seconds; false when it did not become so.
    func waitUntilWritable(timeout: Double) async -> Bool
}

/// The outcome of `connect`.
public enum ConnectOutcome: Sendable {
    /// The server upgraded the connection (a valid 101).
    case open(any ScenarioConnection, HandshakeResponse)
    /// No connection: refused, DNS, timeout, TLS, or a handshake failure (`response` set when the server answered).
    case failed(ConnectionFailure)
}

/// Opens connections: the real engine, or a scripted fake in tests.
public protocol ScenarioConnector: Sendable {
    /// Connects and performs the opening handshake; events (also those before the outcome) go to `events`,
    /// in order.
    func connect(
        _ request: ConnectRequest, events: @escaping @Sendable (TimedConnectionEvent) -> Void
    ) async -> ConnectOutcome

    /// Sends a plain HTTP request (an `http` step) and returns the whole response (status, headers, body), or
    /// why there is none (refused, DNS, timeout, TLS, a connection that ended early).
    func send(_ call: HTTPCall) async -> Result<HandshakeResponse, ConnectionFailure>
}

extension ScenarioConnector {
    /// Connectors without an HTTP transport (scripted fakes) fail every `http` step.
    public func send(_ call: HTTPCall) async -> Result<HandshakeResponse, ConnectionFailure> {
        .failure(ConnectionFailure(kind: .refused, message: "this connector cannot send HTTP requests"))
    }
}

extension ScenarioConnection {
    /// Transports without flow control are always writable.
    public var isWritable: Bool { true }
    /// Transports without flow control never wait.
    public func waitUntilWritable(timeout: Double) async -> Bool { true }
    /// Transports that always suspend to send answer false.
    public func sendWithoutSuspending(text: String, fragments: Int) throws -> Bool { false }
    /// Transports that always suspend to send answer false.
    public func sendWithoutSuspending(binary: ByteBuffer, fragments: Int) throws -> Bool { false }
}
