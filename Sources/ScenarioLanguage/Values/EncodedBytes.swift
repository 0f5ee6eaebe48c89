/// A `hex:` or `base64:` string with placeholders (`hex: "${prefix}00ff"`), decoded when its step runs.
public struct EncodedBytes: Sendable, Hashable {
    /// How the text spells the bytes.
    public enum Encoding: String, Sendable, Hashable {
        case hex
        case base64
    }

    public var encoding: Encoding
    /// The text as written, with its placeholders.
    public var template: Template

    public init(encoding: Encoding, template: Template) {
        self.encoding = encoding
        self.template = template
    }

    /// Decodes `text` in `encoding`; nil when it is not valid.
    public static func decode(_ text: String, as encoding: Encoding) -> [UInt8]? {
        encoding == .hex ? ByteDecoding.hex(text) : ByteDecoding.base64(text)
    }

    /// The bytes the rendered text spells; throws `EncodedBytesRenderError` when it is not valid in `encoding`.
    public func resolved(using lookup: (TemplateReference) throws -> JSONValue) throws -> [UInt8] {
        let rendered = try template.render { try lookup($0).interpolationText }
        guard let bytes = Self.decode(rendered, as: encoding) else {
            throw EncodedBytesRenderError(encoding: encoding, source: template.source, rendered: rendered)
        }
        return bytes
    }
}

/// A `hex:`/`base64:` string with placeholders that is not valid once they are rendered.
public struct EncodedBytesRenderError: Error, CustomStringConvertible {
    public var encoding: EncodedBytes.Encoding
    /// The text as written.
    public var source: String
    /// The text with the placeholders' values.
    public var rendered: String

    /// What went wrong and what to check.
    public var description: String {
        let shown = rendered.count > 80 ? String(rendered.prefix(80)) + "…" : rendered
        let rule =
            encoding == .hex
            ? "write pairs of hex digits such as \"00ff10\""
            : "use the standard alphabet A-Z a-z 0-9 + / with = padding"
        return "\(encoding.rawValue) \"\(source)\" is \"\(shown)\" with its placeholders, which is not valid "
            + "\(encoding.rawValue): \(rule)"
    }
}
