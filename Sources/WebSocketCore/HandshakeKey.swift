/// `Sec-WebSocket-Key` generation and the matching `Sec-WebSocket-Accept` value (RFC 6455 §4.1, §4.2.2).
public enum HandshakeKey {
    /// The GUID the server appends to the key before hashing.
    public static let guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// A fresh key: 16 random bytes from `random`, base64-encoded (24 characters).
    public static func generate<Random: RandomNumberGenerator>(using random: inout Random) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for _ in 0..<2 {
            let value = random.next()
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            }
        }
        return Base64.encode(bytes)
    }

    /// A fresh key from the system random source.
    public static func generate() -> String {
        var random = SystemRandomNumberGenerator()
        return generate(using: &random)
    }

    /// The `Sec-WebSocket-Accept` value a server must answer for `key`: base64(SHA-1(key + GUID)).
    public static func acceptValue(for key: String) -> String {
        Base64.encode(SHA1.digest(Array((key + guid).utf8)))
    }
}
