/// Which side started the end of a connection.
public enum CloseInitiator: String, Sendable, Equatable {
    case client
    case server
}

/// How a WebSocket connection ended.
public struct CloseOutcome: Sendable, Equatable, CustomStringConvertible {
    /// The server's close code: the code in its close frame, 1005 if that frame had no code, 1006 if no close
    /// frame came from the server (TCP ended, or the close timeout passed).
    public var code: UInt16
    /// The server's close reason (empty if none).
    public var reason: String
    /// Who started it: the client (close, disconnect, failing the connection) or the server (close frame or
    /// dropped TCP).
    public var initiator: CloseInitiator
    /// Whether both close frames were exchanged before TCP ended.
    public var clean: Bool
    /// The code the client sent in its close frame, if it sent one (`nil` for an empty close payload too).
    public var sentCode: UInt16?

    public init(code: UInt16, reason: String = "", initiator: CloseInitiator, clean: Bool, sentCode: UInt16? = nil) {
        self.code = code
        self.reason = reason
        self.initiator = initiator
        self.clean = clean
        self.sentCode = sentCode
    }

    public var description: String {
        let reasonText = reason.isEmpty ? "" : " \(reason.debugDescription)"
        return "\(code)\(reasonText) by \(initiator.rawValue), \(clean ? "clean" : "not clean")"
    }
}
