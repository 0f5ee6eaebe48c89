/// One permessage-deflate offer as a client sends it (RFC 7692 §7.1), parsed and validated.
public struct PerMessageDeflateOffer: Sendable, Equatable {
    /// The extension token.
    public static let extensionName = "permessage-deflate"

    /// The client asks the server to reset its context after every message.
    public var serverNoContextTakeover = false
    /// The client announces it resets its own context after every message.
    public var clientNoContextTakeover = false
    /// The client asks the server to compress with at most this window.
    public var serverMaxWindowBits: Int?
    /// Whether `client_max_window_bits` was offered (with or without a value): the server may then limit the
    /// client's window.
    public var clientMaxWindowBitsOffered = false
    /// The value of `client_max_window_bits`, if one was given: the client will use at most this window.
    public var clientMaxWindowBits: Int?

    public init(
        serverNoContextTakeover: Bool = false, clientNoContextTakeover: Bool = false,
        serverMaxWindowBits: Int? = nil, clientMaxWindowBitsOffered: Bool = false, clientMaxWindowBits: Int? = nil
    ) {
        self.serverNoContextTakeover = serverNoContextTakeover
        self.clientNoContextTakeover = clientNoContextTakeover
        self.serverMaxWindowBits = serverMaxWindowBits
        self.clientMaxWindowBitsOffered = clientMaxWindowBitsOffered || clientMaxWindowBits != nil
        self.clientMaxWindowBits = clientMaxWindowBits
    }

    /// Parses an offer element; throws a negotiation error naming the bad parameter (unknown, duplicate, or with an
    /// invalid value).
    public init(_ element: ExtensionElement) throws(PerMessageDeflateError) {
        var seen: Set<String> = []
        for (name, value) in element.parameters {
            guard seen.insert(name).inserted else { throw .negotiation("duplicate parameter \(name) in offer") }
            switch name {
            case "server_no_context_takeover":
                try Self.requireNoValue(name, value)
                serverNoContextTakeover = true
            case "client_no_context_takeover":
                try Self.requireNoValue(name, value)
                clientNoContextTakeover = true
            case "server_max_window_bits":
                serverMaxWindowBits = try Self.windowBits(name, value)
            case "client_max_window_bits":
                clientMaxWindowBitsOffered = true
                if value != nil { clientMaxWindowBits = try Self.windowBits(name, value) }
            default:
                throw .negotiation("unknown permessage-deflate parameter \(name)")
            }
        }
    }

    /// The permessage-deflate offers among `extensions` (offer strings as configured), in order. Malformed offers are
    /// skipped (they are still sent as written, for negative tests).
    public static func offers(in extensions: [String]) -> [PerMessageDeflateOffer] {
        ExtensionElement.parse(extensions).filter { $0.name == extensionName }.compactMap { try? Self($0) }
    }

    /// Whether `extensions` offer permessage-deflate at all (even malformed).
    public static func isOffered(in extensions: [String]) -> Bool {
        ExtensionElement.parse(extensions).contains { $0.name == extensionName }
    }

    /// The offer as written in a request header.
    public var headerValue: String {
        var parts = [Self.extensionName]
        if serverNoContextTakeover { parts.append("server_no_context_takeover") }
        if clientNoContextTakeover { parts.append("client_no_context_takeover") }
        if let serverMaxWindowBits { parts.append("server_max_window_bits=\(serverMaxWindowBits)") }
        if let clientMaxWindowBits {
            parts.append("client_max_window_bits=\(clientMaxWindowBits)")
        } else if clientMaxWindowBitsOffered {
            parts.append("client_max_window_bits")
        }
        return parts.joined(separator: "; ")
    }

    static func requireNoValue(_ name: String, _ value: String?) throws(PerMessageDeflateError) {
        if let value { throw .negotiation("parameter \(name) must have no value (got \(value.debugDescription))") }
    }

    static func windowBits(_ name: String, _ value: String?) throws(PerMessageDeflateError) -> Int {
        guard let value else { throw .negotiation("parameter \(name) needs a value 8...15") }
        guard value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber), value.first != "0", let bits = Int(value),
            (8...15).contains(bits)
        else { throw .negotiation("invalid \(name) value \(value.debugDescription) (expected 8...15)") }
        return bits
    }
}
