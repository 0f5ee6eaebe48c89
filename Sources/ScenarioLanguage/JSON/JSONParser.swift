import Foundation

/// Why a text is not JSON.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// The byte offset of the problem.
    public let offset: Int

    /// `message at offset N`.
    public var description: String { "\(message) at offset \(offset)" }
}

extension JSONValue {
    /// Parses a JSON text (RFC 8259; one value, surrounding whitespace allowed).
    public init(parsing data: Data) throws {
        var parser = JSONTextParser(bytes: [UInt8](data))
        self = try parser.parseDocument()
    }

    /// Parses a JSON text (RFC 8259; one value, surrounding whitespace allowed).
    public init(parsing text: String) throws {
        var parser = JSONTextParser(bytes: Array(text.utf8))
        self = try parser.parseDocument()
    }
}
