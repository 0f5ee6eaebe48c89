/// Why a JSONPath query is invalid.
public struct JSONPathError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// The offset (in Unicode scalars) of the problem.
    public let offset: Int

    /// `message at offset N`.
    public var description: String { "\(message) at offset \(offset)" }
}
