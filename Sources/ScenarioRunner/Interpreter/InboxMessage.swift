import Foundation

/// A data message in a connection's inbox.
public struct InboxMessage: Sendable {
    /// Arrival order on its connection, from 0.
    public var index: Int
    public var isText: Bool
    public var payload: [UInt8]
    /// The payload as text when it is valid UTF-8 (always for text messages).
    public var text: String?
    /// Monotonic arrival time (nanoseconds).
    public var nanos: UInt64

    public init(index: Int, isText: Bool, payload: [UInt8], nanos: UInt64) {
        self.index = index
        self.isText = isText
        self.payload = payload
        self.text = String(validating: payload, as: UTF8.self)
        self.nanos = nanos
    }

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
