import Foundation

/// A data message in a connection's inbox.
public struct InboxMessage: Sendable {
    /// Arrival order on its connection, from 0.
    public let index: Int
    public let isText: Bool
    public let payload: [UInt8]
    /// Monotonic arrival time (nanoseconds).
    public var nanos: UInt64
    /// The decoded text of a text message (nil when it is not valid UTF-8); binary messages decode on demand.
    private let decodedText: String?

    public init(index: Int, isText: Bool, payload: [UInt8], nanos: UInt64) {
        self.index = index
        self.isText = isText
        self.payload = payload
        self.decodedText = isText ? String(validating: payload, as: UTF8.self) : nil
        self.nanos = nanos
    }

    /// The payload as text when it is valid UTF-8 (always for text messages). For a binary message it is decoded
    /// on each use (only `capture_regex` looks at it), so that large binaries are not scanned and copied on arrival.
    public var text: String? { isText ? decodedText : String(validating: payload, as: UTF8.self) }

    /// A short description for failure messages.
    public var preview: String {
        if let text, isText {
            let shown = text.count > 300 ? String(text.prefix(300)) + "…" : text
            if JSONText.parse(text) != nil, !text.contains("\n") { return shown }
            return OutputJSON.string(shown).serialized()
        }
        let hex = payload.prefix(64).map { String(format: "%02x", $0) }.joined()
        return "binary \(payload.count) bytes: \(hex)\(payload.count > 64 ? "…" : "")"
    }
}
