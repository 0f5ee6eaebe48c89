/// The server's handshake answer was not a well-formed HTTP/1.1 response.
public struct HTTPResponseParseError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case malformedStatusLine(String)
        case malformedHeader(String)
        case headTooLarge(Int)
        case malformedChunk
        case incomplete
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    static func malformedStatusLine(_ line: String) -> Self { Self(.malformedStatusLine(line)) }
    static func malformedHeader(_ line: String) -> Self { Self(.malformedHeader(line)) }
    static func headTooLarge(_ limit: Int) -> Self { Self(.headTooLarge(limit)) }
    static func malformedChunk() -> Self { Self(.malformedChunk) }
    static func incomplete() -> Self { Self(.incomplete) }

    public var description: String {
        switch kind {
        case .malformedStatusLine(let line): return "malformed HTTP status line: \(line.debugDescription)"
        case .malformedHeader(let line): return "malformed HTTP header line: \(line.debugDescription)"
        case .headTooLarge(let limit): return "HTTP response head exceeds \(limit) bytes"
        case .malformedChunk: return "malformed chunked response body"
        case .incomplete: return "connection closed before the HTTP response was complete"
        }
    }
}
