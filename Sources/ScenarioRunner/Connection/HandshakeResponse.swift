import Foundation

/// The server's answer to the opening handshake.
public struct HandshakeResponse: Sendable, Equatable {
    public var status: Int
    public var reason: String
    /// Headers in the order received.
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// Whether wscenario stopped reading the body before its end (it reads at most 1 MiB of it).
    public var bodyTruncated: Bool

    public init(
        status: Int, reason: String = "", headers: [(String, String)] = [], body: [UInt8] = [],
        bodyTruncated: Bool = false
    ) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
    }

    public static func == (lhs: HandshakeResponse, rhs: HandshakeResponse) -> Bool {
        lhs.status == rhs.status && lhs.reason == rhs.reason && lhs.body == rhs.body
            && lhs.bodyTruncated == rhs.bodyTruncated
            && lhs.headers.map { "\($0.0): \($0.1)" } == rhs.headers.map { "\($0.0): \($0.1)" }
    }

    /// The body's transcript fields: `length`, then `body` (UTF-8 text) or `base64`, cut after 64 KiB with
    /// `truncated`. A body wscenario stopped reading is `truncated` too, and its `length` is the declared
    /// `Content-Length` when there is one (else the bytes read).
    var bodyFields: [(String, OutputJSON)] {
        var fields = PayloadRecord.fields(body, preferText: true).map { $0.0 == "text" ? ("body", $0.1) : $0 }
        guard bodyTruncated else { return fields }
        if let declared = values("Content-Length").first.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
            declared > body.count, let index = fields.firstIndex(where: { $0.0 == "length" })
        {
            fields[index] = ("length", .int(declared))
        }
        if !fields.contains(where: { $0.0 == "truncated" }) { fields.append(("truncated", .bool(true))) }
        return fields
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
