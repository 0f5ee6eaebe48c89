/// The server's answer to the opening handshake.
public struct HandshakeResponse: Sendable, Equatable {
    public var status: Int
    public var reason: String
    /// Headers in the order received.
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, reason: String = "", headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    public static func == (lhs: HandshakeResponse, rhs: HandshakeResponse) -> Bool {
        lhs.status == rhs.status && lhs.reason == rhs.reason && lhs.body == rhs.body
            && lhs.headers.map { "\($0.0): \($0.1)" } == rhs.headers.map { "\($0.0): \($0.1)" }
    }

    /// Every value of header `name` (case-insensitive).
    public func values(_ name: String) -> [String] {
        headers.filter { $0.0.caseInsensitiveCompare(name) }.map { $0.1 }
    }

    /// The body as text (lossy).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

extension String {
    func caseInsensitiveCompare(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
