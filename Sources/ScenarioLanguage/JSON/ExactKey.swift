/// A string compared and hashed by its Unicode scalars, not by canonical equivalence as `String` is: JSON keys
/// and texts are exact (`"\u00e9"` and `"e\u0301"` are different keys).
struct ExactKey: Hashable, Sendable {
    let text: String

    static func == (lhs: ExactKey, rhs: ExactKey) -> Bool {
        lhs.text.unicodeScalars.elementsEqual(rhs.text.unicodeScalars)
    }

    func hash(into hasher: inout Hasher) {
        for scalar in text.unicodeScalars { hasher.combine(scalar.value) }
    }
}
