import Foundation

/// How a frame or message payload is written into a transcript: `text` when it is valid UTF-8 text,
/// `base64` otherwise, cut after 64 KiB with `truncated: true` (the real `length` is kept).
public enum PayloadRecord {
    /// Payloads longer than this are truncated in transcripts.
    public static let limit = 64 * 1024

    /// The transcript fields describing `payload`, after `leading` fields.
    public static func fields(
        _ payload: [UInt8], preferText: Bool, after leading: (String, OutputJSON)? = nil
    ) -> [(String, OutputJSON)] {
        var fields: [(String, OutputJSON)] = []
        fields.reserveCapacity(4)
        if let leading { fields.append(leading) }
        fields.append(("length", .int(payload.count)))
        let truncated = payload.count > limit
        let slice = payload[0..<min(payload.count, limit)]
        if preferText, let text = decodeText(slice, allowCutTail: truncated) {
            fields.append(("text", .string(text)))
        } else {
            fields.append(("base64", .string(base64(slice))))
        }
        if truncated { fields.append(("truncated", .bool(true))) }
        return fields
    }

    /// The fields of a `message_in` event: `type`, the real `length`, then the payload as `fields` shows `shown`
    /// (the payload's first `FrameRecord.keptPayloadBytes` bytes, or all of it).
    public static func messageFields(_ shown: [UInt8], isText: Bool, length: Int) -> [(String, OutputJSON)] {
        var fields = PayloadRecord.fields(
            shown, preferText: isText, after: ("type", .string(isText ? "text" : "binary")))
        fields[1] = ("length", .int(length))
        return fields
    }

    /// Decodes strict UTF-8; a truncated payload may end in the middle of a character.
    static func decodeText(_ bytes: ArraySlice<UInt8>, allowCutTail: Bool) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            if let text = strictUTF8(buffer) { return text }
            guard allowCutTail else { return nil }
            for cut in 1...3 where buffer.count > cut {
                if let text = strictUTF8(UnsafeBufferPointer(rebasing: buffer.dropLast(cut))) { return text }
            }
            return nil
        }
    }

    /// `bytes` as a string when they are valid UTF-8, else nil (what `String(validating:as:)` returns, without
    /// its unspecialized generic path): decoding repairs invalid input, so the input was valid exactly when the
    /// decoded bytes equal it.
    static func strictUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        if isASCII(bytes) { return text }
        let same = text.withUTF8 { decoded in
            decoded.count == bytes.count
                && (decoded.count == 0 || memcmp(decoded.baseAddress!, bytes.baseAddress!, decoded.count) == 0)
        }
        return same ? text : nil
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index + 8 <= bytes.count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                return false
            }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Standard base64 with `=` padding and no line breaks, as Foundation's `base64EncodedString()` writes it.
    static func base64(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { TranscriptBase64.encode($0) }
    }
}
