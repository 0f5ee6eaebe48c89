/// A string compared and hashed by its UTF-8 bytes (its Unicode scalars), not by canonical equivalence as
/// `String` is: JSON keys and texts are exact (`"\u00e9"` and `"e\u0301"` are different keys).
struct ExactKey: Hashable, Sendable {
    let text: String

    static func == (lhs: ExactKey, rhs: ExactKey) -> Bool { ExactText.equal(lhs.text, rhs.text) }

    func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
