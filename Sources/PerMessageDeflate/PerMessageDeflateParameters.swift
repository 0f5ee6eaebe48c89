/// The agreed permessage-deflate parameters of one connection (RFC 7692 §7.1), in both directions.
public struct PerMessageDeflateParameters: Sendable, Equatable, CustomStringConvertible {
    /// The server resets its compression context after every message.
    public var serverNoContextTakeover: Bool
    /// The client resets its compression context after every message.
    public var clientNoContextTakeover: Bool
    /// The largest LZ77 window (base-2 logarithm, 8...15) the server compresses with.
    public var serverMaxWindowBits: Int
    /// The largest LZ77 window (base-2 logarithm, 8...15) the client compresses with.
    public var clientMaxWindowBits: Int
    /// The answer states `server_max_window_bits` even at 15: an offer that asked for the parameter must get it
    /// back (RFC 7692 §7.1.2.1), whatever its value.
    public var statesServerMaxWindowBits = false

    public init(
        serverNoContextTakeover: Bool = false, clientNoContextTakeover: Bool = false,
        serverMaxWindowBits: Int = 15, clientMaxWindowBits: Int = 15
    ) {
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBits = clientMaxWindowBits
    }

    /// Whether `role` resets its compressor after every message.
    public func noContextTakeover(sender role: PerMessageDeflateRole) -> Bool {
        role == .client ? clientNoContextTakeover : serverNoContextTakeover
    }

    /// The window bits `role` compresses with.
    public func maxWindowBits(sender role: PerMessageDeflateRole) -> Int {
        role == .client ? clientMaxWindowBits : serverMaxWindowBits
    }

    /// The server's answer that states exactly these parameters (defaults left out), e.g.
    /// `permessage-deflate; server_no_context_takeover; client_max_window_bits=10`.
    public var headerValue: String {
        var parts = [PerMessageDeflateOffer.extensionName]
        if serverNoContextTakeover { parts.append("server_no_context_takeover") }
        if clientNoContextTakeover { parts.append("client_no_context_takeover") }
        if serverMaxWindowBits != 15 || statesServerMaxWindowBits {
            parts.append("server_max_window_bits=\(serverMaxWindowBits)")
        }
        if clientMaxWindowBits != 15 { parts.append("client_max_window_bits=\(clientMaxWindowBits)") }
        return parts.joined(separator: "; ")
    }

    public var description: String { headerValue }
}

/// Which end of the connection an endpoint is.
public enum PerMessageDeflateRole: Sendable, Equatable {
    case client
    case server
}
