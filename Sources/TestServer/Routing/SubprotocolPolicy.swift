/// How `/subprotocols` (and `/chat`) pick the `Sec-WebSocket-Protocol` answer from the client's offer.
public struct SubprotocolPolicy: Equatable, Sendable {
    /// Protocols the server supports; nil means "whatever the client offers first".
    public var supported: [String]?
    /// True: the server's order wins; false (default): the client's order wins.
    public var serverPreference: Bool
    /// Answer exactly this protocol whatever the client offered (a negative test for clients).
    public var forced: String?

    public init(supported: [String]?, serverPreference: Bool = false, forced: String? = nil) {
        self.supported = supported
        self.serverPreference = serverPreference
        self.forced = forced
    }

    init(query request: RequestTarget) {
        self.init(
            supported: request.list("supported") ?? request.list("offer"),
            serverPreference: request.query["prefer"] == "server",
            forced: request.query["select"]
        )
    }

    /// The protocol to answer for the client's `offered` list (in the client's order), or nil for none.
    public func choose(offered: [String]) -> String? {
        if let forced { return forced }
        guard let supported else { return offered.first }
        if serverPreference {
            return supported.first { offered.contains($0) }
        }
        return offered.first { supported.contains($0) }
    }
}
