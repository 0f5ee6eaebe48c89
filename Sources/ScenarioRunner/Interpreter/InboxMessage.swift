import Foundation
import NIOCore

/// A data message in a connection's inbox.
public struct InboxMessage: Sendable {
    /// Arrival order on its connection, from 0.
    public let index: Int
    public let isText: Bool
    /// The payload, as the transport delivered it (not copied).
    public let data: ByteBuffer
    /// Monotonic arrival time (nanoseconds).
    public var nanos: UInt64
    /// The decoded text of a text message (nil when it is not valid UTF-8); binary messages decode on demand.
    private let decodedText: String?

    public init(index: Int, isText: Bool, data: ByteBuffer, nanos: UInt64) {
        self.index = index
        self.isText = isText
        self.data = data
        self.decodedText = isText ? InboxMessage.decode(data) : nil
        self.nanos = nanos
    }

    public init(index: Int, isText: Bool, payload: [UInt8], nanos: UInt64) {
        self.init(index: index, isText: isText, data: ByteBuffer(bytes: payload), nanos: nanos)
    }

    /// The payload bytes (a copy).
    public var payload: [UInt8] { Array(data.readableBytesView) }

    /// The payload's length in bytes.
    public var count: Int { data.readableBytes }

    /// The payload as text when it is valid UTF-8 (always for text messages). For a binary message it is decoded
    /// on each use (only `capture_regex` looks at it), so that large binaries are not scanned and copied on arrival.
    public var text: String? { isText ? decodedText : InboxMessage.decode(data) }

    /// `data` as a string when it is valid UTF-8.
    private static func decode(_ data: ByteBuffer) -> String? {
        data.readableBytesView.withContiguousStorageIfAvailable { String(validating: $0, as: UTF8.self) } ?? nil
    }

    /// A short description for failure messages.
    public var preview: String {
        if let text, isText {
            let shown = text.count > 300 ? String(text.prefix(300)) + "…" : text
            if JSONText.parse(text) != nil, !text.contains("\n") { return shown }
            return OutputJSON.string(shown).serialized()
        }
        let hex = data.readableBytesView.prefix(64).map { String(format: "%02x", $0) }.joined()
        return "binary \(count) byte\(count == 1 ? "" : "s"): \(hex)\(count > 64 ? "…" : "")"
    }
}
