/// A string with `${...}` placeholders, parsed at load time and rendered by the interpreter.
///
/// `$${` writes a literal `${`. Rendering is pure: the caller supplies every placeholder's value.
public struct Template: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// A piece of a template.
    public enum Part: Sendable, Hashable {
        /// Text copied as is.
        case literal(String)
        /// A placeholder.
        case reference(TemplateReference)
    }

    /// The pieces in order.
    public let parts: [Part]
    /// The template as written.
    public let source: String

    /// A template from already parsed parts.
    public init(parts: [Part], source: String) {
        self.parts = parts
        self.source = source
    }

    /// A template that is only literal text (no placeholders are recognised).
    public init(literal text: String) {
        self.parts = text.isEmpty ? [] : [.literal(text)]
        self.source = text
    }

    /// A literal template (for tests and defaults).
    public init(stringLiteral value: String) { self.init(literal: value) }

    /// Whether the template has no placeholders.
    public var isLiteral: Bool { references.isEmpty }

    /// The text when the template has no placeholders.
    public var literalValue: String? {
        guard isLiteral else { return nil }
        return parts.map { if case .literal(let text) = $0 { return text } else { return "" } }.joined()
    }

    /// The placeholder when the template is exactly one placeholder (`"${count}"`): inside `json:` payloads
    /// such a template keeps the value's type.
    public var singleReference: TemplateReference? {
        guard parts.count == 1, case .reference(let reference) = parts[0] else { return nil }
        return reference
    }

    /// Every placeholder, in order.
    public var references: [TemplateReference] {
        parts.compactMap { if case .reference(let reference) = $0 { return reference } else { return nil } }
    }

    /// The variables (`${name}`) the template uses.
    public var variableNames: [String] {
        references.compactMap { if case .variable(let name) = $0 { return name } else { return nil } }
    }

    /// Renders the template, asking `lookup` for the text of every placeholder.
    public func render(using lookup: (TemplateReference) throws -> String) rethrows -> String {
        var result = ""
        for part in parts {
            switch part {
            case .literal(let text): result += text
            case .reference(let reference): result += try lookup(reference)
            }
        }
        return result
    }

    /// The template as written.
    public var description: String { source }
}
