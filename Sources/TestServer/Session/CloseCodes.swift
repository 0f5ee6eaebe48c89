/// Close-code rules of RFC 6455 §7.4 for codes received on the wire.
enum CloseCodes {
    static let normal: UInt16 = 1000
    static let goingAway: UInt16 = 1001
    static let protocolError: UInt16 = 1002
    static let invalidPayload: UInt16 = 1007
    static let messageTooBig: UInt16 = 1009

    /// Whether a peer may send `code` in a close frame.
    static func isValidOnWire(_ code: UInt16) -> Bool {
        switch code {
        case 1000...1003, 1007...1014, 3000...4999: return true
        default: return false
        }
    }
}
