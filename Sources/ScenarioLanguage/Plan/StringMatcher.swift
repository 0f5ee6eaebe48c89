/// An expected string: header values, close reasons, error messages and response bodies.
///
/// A value written in slashes (`/^gw-\d+$/`) is a regular expression.
public enum StringMatcher: Sendable {
    /// Equal to the rendered template.
    case exact(Template)
    /// Contains the rendered template (`expect_error` `body:`).
    case contains(Template)
    /// The expression matches somewhere in the string.
    case regex(CompiledRegex)
}

/// An expected HTTP header: name (matched case-insensitively) and value.
public struct HeaderExpectation: Sendable {
    /// The header name as written.
    public var name: String
    /// The expected value.
    public var value: StringMatcher

    /// Creates an expectation.
    public init(name: String, value: StringMatcher) {
        self.name = name
        self.value = value
    }
}

/// A header to send: name and templated value.
public struct HeaderField: Sendable {
    /// The header name as written.
    public var name: String { nameTemplate.source }
    /// The header name, rendered at run time (`X-${k}`).
    public var nameTemplate: Template
    /// The value, rendered at run time.
    public var value: Template

    /// Creates a header with a literal name.
    public init(name: String, value: Template) {
        self.nameTemplate = Template(literal: name)
        self.value = value
    }

    /// Creates a header whose name may hold placeholders.
    public init(nameTemplate: Template, value: Template) {
        self.nameTemplate = nameTemplate
        self.value = value
    }
}
