/// Validates UTF-8 incrementally, so a text message split over frames fails as soon as a bad byte arrives.
struct StreamingUTF8Validator {
    private var needed = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    /// True when every byte so far could start or continue valid UTF-8.
    mutating func consume(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index < bytes.count {
            if needed == 0 {
                index = Self.skipASCIIWords(bytes, from: index)
                guard index < bytes.count else { break }
            }
            let byte = bytes[index]
            index += 1
            if needed == 0 {
                if byte < 0x80 { continue }
                switch byte {
                case 0xC2...0xDF: begin(1, 0x80, 0xBF)
                case 0xE0: begin(2, 0xA0, 0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: begin(2, 0x80, 0xBF)
                case 0xED: begin(2, 0x80, 0x9F)
                case 0xF0: begin(3, 0x90, 0xBF)
                case 0xF1...0xF3: begin(3, 0x80, 0xBF)
                case 0xF4: begin(3, 0x80, 0x8F)
                default: return false
                }
            } else {
                guard byte >= lower && byte <= upper else { return false }
                lower = 0x80
                upper = 0xBF
                needed -= 1
            }
        }
        return true
    }

    /// The index of the first 8-byte word from `index` on that is not all ASCII (or of the tail shorter than a word).
    private static func skipASCIIWords(_ bytes: UnsafeRawBufferPointer, from index: Int) -> Int {
        var index = index
        while index + 8 <= bytes.count,
            bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
            index += 8
        }
        return index
    }

    /// True when the input so far ends on a character boundary.
    var isComplete: Bool { needed == 0 }

    private mutating func begin(_ count: Int, _ low: UInt8, _ high: UInt8) {
        needed = count
        lower = low
        upper = high
    }
}
