import Foundation

/// How a frame or message payload is written into a transcript: `text` when it is valid UTF-8 text,
/// `base64` otherwise, cut after 64 KiB with `truncated: true` (the real `length` is kept).
public enum PayloadRecord {
    /// Payloads longer than this are truncated in transcripts.
    public static let limit = 64 * 1024

    /// The transcript fields describing `payload`.
    public static func fields(_ payload: [UInt8], preferText: Bool) -> [(String, OutputJSON)] {
        var fields: [(String, OutputJSON)] = [("length", .int(payload.count))]
        let truncated = payload.count > limit
        let slice = truncated ? Array(payload[0..<limit]) : payload
        if preferText, let text = decodeText(slice, allowCutTail: truncated) {
            fields.append(("text", .string(text)))
        } else {
            fields.append(("base64", .string(Data(slice).base64EncodedString())))
        }
        if truncated { fields.append(("truncated", .bool(true))) }
        return fields
    }

    /// Decodes strict UTF-8; a truncated payload may end in the middle of a character.
    static func decodeText(_ bytes: [UInt8], allowCutTail: Bool) -> String? {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        guard allowCutTail else { return nil }
        for cut in 1...3 where bytes.count > cut {
            if let text = String(validating: bytes.dropLast(cut), as: UTF8.self) { return text }
        }
        return nil
    }
}
