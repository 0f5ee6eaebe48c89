/// Checks a server's handshake response against the request (RFC 6455 §4.1, client side).
public enum HandshakeChecker {
    /// The verdict for `response` to a request that sent `key` and offered `subprotocols` and `extensions`
    /// (extension offers are compared by name: `permessage-deflate; client_max_window_bits` offers
    /// `permessage-deflate`).
    public static func verdict(
        for response: HTTPResponseHead, key: String, offeredSubprotocols: [String],
        offeredExtensions: [String]
    ) -> HandshakeVerdict {
        guard response.status == 101 else { return .refused(status: response.status) }
        // Switching protocols exists only from HTTP/1.1 on (RFC 9110 §7.8).
        guard response.version != "HTTP/1.0", response.version != "HTTP/0.9" else {
            return .invalid(reason: "101 answered as \(response.version): switching protocols needs HTTP/1.1")
        }
        let headers = response.headers
        guard headers.first("Upgrade") != nil else { return .invalid(reason: "missing Upgrade header") }
        // RFC 6455 §4.1: the value must be "websocket" (any case), not a list that contains it.
        let upgrades = headers.tokens("Upgrade")
        guard upgrades.count == 1, upgrades[0].lowercased() == "websocket" else {
            let shown = headers.values("Upgrade").joined(separator: ", ")
            return .invalid(reason: "Upgrade header is \(shown.debugDescription), not \"websocket\"")
        }
        guard let connection = headers.first("Connection") else {
            return .invalid(reason: "missing Connection header")
        }
        guard headers.tokens("Connection").contains(where: { $0.lowercased() == "upgrade" }) else {
            return .invalid(reason: "Connection header is \(connection.debugDescription), not \"Upgrade\"")
        }
        let expected = HandshakeKey.acceptValue(for: key)
        let accepts = headers.values("Sec-WebSocket-Accept")
        guard let accept = accepts.first else { return .invalid(reason: "missing Sec-WebSocket-Accept header") }
        guard accepts.count == 1 else {
            return .invalid(
                reason: "Sec-WebSocket-Accept sent \(accepts.count) times (it must appear once): "
                    + accepts.map(\.debugDescription).joined(separator: ", "))
        }
        guard accept == expected else {
            return .invalid(reason: "bad Sec-WebSocket-Accept \(accept.debugDescription) (expected \(expected))")
        }
        if headers.values("Sec-WebSocket-Protocol").contains(where: { $0.trimmingSpacesString().isEmpty }) {
            return .invalid(
                reason: "empty Sec-WebSocket-Protocol header: a server that selects no subprotocol leaves it out")
        }
        let protocols = headers.tokens("Sec-WebSocket-Protocol")
        if protocols.count > 1 {
            return .invalid(reason: "server selected several subprotocols: \(protocols.joined(separator: ", "))")
        }
        if let chosen = protocols.first, !offeredSubprotocols.contains(chosen) {
            return .invalid(reason: "server selected subprotocol \(chosen.debugDescription), which was not offered")
        }
        let offeredNames = Set(offeredExtensions.flatMap(extensionNames))
        let accepted = headers.values("Sec-WebSocket-Extensions").flatMap(extensionNames)
        if let unknown = accepted.first(where: { !offeredNames.contains($0) }) {
            return .invalid(reason: "server accepted extension \(unknown.debugDescription), which was not offered")
        }
        let extensionValues = headers.tokens("Sec-WebSocket-Extensions")
        return .upgraded(subprotocol: protocols.first, extensions: extensionValues)
    }

    /// The extension names in a `Sec-WebSocket-Extensions` value (parameters dropped).
    static func extensionNames(_ value: String) -> [String] {
        value.split(separator: ",").compactMap { element in
            let name = element.split(separator: ";").first.map { $0.trimmingSpaces().lowercased() } ?? ""
            return name.isEmpty ? nil : name
        }
    }
}
