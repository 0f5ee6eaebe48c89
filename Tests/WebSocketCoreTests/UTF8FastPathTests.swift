import NIOCore
import Testing

@testable import WebSocketCore

/// The validator skips ASCII 8 bytes at a time: invalid or multi-byte sequences at every position around those
/// words, and chunk splits anywhere, must give the same verdict as Swift's own UTF-8 validation.
@Suite("UTF-8 validation of long ASCII runs")
struct UTF8FastPathTests {
    static func verdict(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    static func validate(_ bytes: [UInt8], split: Int) -> Bool {
        var validator = UTF8Validator()
        let cut = min(split, bytes.count)
        let first = bytes.withUnsafeBytes { validator.feed(UnsafeRawBufferPointer(rebasing: $0[..<cut])) }
        let second = bytes.withUnsafeBytes { validator.feed(UnsafeRawBufferPointer(rebasing: $0[cut...])) }
        return first && second && validator.isComplete
    }

    static let inserts: [[UInt8]] = [
        [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xC3], [0xE2, 0x82], [0xFF],
        [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
    ]

    @Test func everyPositionInAnASCIIRun() {
        var checked = 0
        for insert in UTF8FastPathTests.inserts {
            for position in 0...20 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 24)
                bytes.insert(contentsOf: insert, at: position)
                let expected = UTF8FastPathTests.verdict(bytes)
                for split in [0, 1, 7, 8, 9, position, position + 1, bytes.count] {
                    #expect(
                        UTF8FastPathTests.validate(bytes, split: split) == expected,
                        "\(insert) at \(position), split at \(split)")
                    checked += 1
                }
                #expect(UTF8Validator.isValid(ByteBuffer(bytes: bytes)) == expected)
            }
        }
        #expect(checked > 1000)
    }

    @Test func aMegabyteOfASCIIWithOneBadByteAtTheEnd() {
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        #expect(UTF8Validator.isValid(ByteBuffer(bytes: bytes)))
        bytes[bytes.count - 1] = 0x80
        #expect(!UTF8Validator.isValid(ByteBuffer(bytes: bytes)))
        bytes[bytes.count - 1] = 0xC3
        var validator = UTF8Validator()
        #expect(bytes.withUnsafeBytes { validator.feed($0) })
        #expect(!validator.isComplete)
    }
}
