import Foundation
import NIOHTTP1

/// What RFC 6455 §4.2.1 requires of an opening handshake beyond what NIO's upgrader checks: a GET, HTTP/1.1 or
/// later, and a `Sec-WebSocket-Key` that is 16 bytes in base64 (pure).
enum UpgradeRequestCheck {
    /// Why `head` is not a valid opening handshake, or nil when it is.
    static func problem(_ head: HTTPRequestHead) -> String? {
        guard head.method == .GET else { return "the opening handshake must be a GET, not \(head.method.rawValue)" }
        guard head.version.major > 1 || (head.version.major == 1 && head.version.minor >= 1) else {
            return "the opening handshake needs HTTP/1.1 or later, not HTTP/\(head.version.major).\(head.version.minor)"
        }
        let keys = head.headers["Sec-WebSocket-Key"]
        guard keys.count <= 1, let key = keys.first else {
            return keys.isEmpty ? nil : "Sec-WebSocket-Key sent \(keys.count) times"  // missing: NIO's answer
        }
        guard let bytes = Data(base64Encoded: key.trimmingCharacters(in: .whitespaces)), bytes.count == 16 else {
            return "Sec-WebSocket-Key \(key.debugDescription) is not 16 bytes in base64"
        }
        return nil
    }
}
