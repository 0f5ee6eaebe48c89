/// A permessage-deflate failure: a negotiation the client must reject, or a message that cannot be decompressed.
public struct PerMessageDeflateError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case negotiation(String)
        case messageTooLarge(Int)
        case corruptData(String)
        case compressionFailed(String)
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    /// The server's extension answer breaks RFC 7692 (a handshake error).
    public static func negotiation(_ reason: String) -> Self { Self(.negotiation(reason)) }
    /// A compressed message inflates past `limit` bytes (close code 1009).
    public static func messageTooLarge(limit: Int) -> Self { Self(.messageTooLarge(limit)) }
    /// The compressed data is not valid DEFLATE (close code 1007).
    public static func corruptData(_ detail: String) -> Self { Self(.corruptData(detail)) }
    /// zlib failed while compressing (should not happen).
    public static func compressionFailed(_ detail: String) -> Self { Self(.compressionFailed(detail)) }

    /// Whether this is a negotiation (handshake) failure.
    public var isNegotiationFailure: Bool {
        if case .negotiation = kind { return true }
        return false
    }

    /// The close code to fail the connection with: 1009 for a message too large, 1007 for corrupt data, else 1002.
    public var closeCode: UInt16 {
        switch kind {
        case .messageTooLarge: return 1009
        case .corruptData: return 1007
        case .negotiation, .compressionFailed: return 1002
        }
    }

    /// A short human-readable explanation (under 123 bytes for the data errors, usable as a close reason).
    public var message: String {
        switch kind {
        case .negotiation(let reason): return reason
        case .messageTooLarge(let limit): return "compressed message inflates past the limit of \(limit) bytes"
        case .corruptData(let detail): return "cannot decompress the message: \(detail)"
        case .compressionFailed(let detail): return "cannot compress the message: \(detail)"
        }
    }

    public var description: String { "permessage-deflate: \(message)" }
}
