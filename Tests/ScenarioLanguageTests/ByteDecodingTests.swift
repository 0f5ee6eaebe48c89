import Foundation
import Testing

@testable import ScenarioLanguage

/// `base64:` literals: whitespace (as `Character.isWhitespace` defines it) ignored, padding optional.
@Suite("Byte decoding")
struct ByteDecodingTests {
    @Test func base64IgnoresWhitespaceAndMissingPadding() {
        let bytes: [UInt8] = Array(0...255)
        let encoded = Data(bytes).base64EncodedString()
        #expect(ByteDecoding.base64(encoded) == bytes)
        // Line breaks of every kind, tabs, vertical tab, form feed and spaces anywhere.
        var spaced = ""
        let gaps = ["\n", "\r\n", "\t", " ", "\u{0B}", "\u{0C}", "\r"]
        for (index, character) in encoded.enumerated() {
            spaced.append(character)
            if index % 7 == 3 { spaced += gaps[index % gaps.count] }
        }
        #expect(ByteDecoding.base64("  " + spaced + "\n") == bytes)
        #expect(ByteDecoding.base64("AP8Q") == [0x00, 0xFF, 0x10])
        #expect(ByteDecoding.base64("AP8") == [0x00, 0xFF])
        #expect(ByteDecoding.base64("") == [])
    }

    @Test func base64KeepsTheUnicodeWhitespaceRules() {
        // Non-ASCII whitespace (no-break space, line separator) is ignored as before.
        #expect(ByteDecoding.base64("AP\u{00A0}8Q\u{2028}") == [0x00, 0xFF, 0x10])
        // Other characters are errors, ASCII or not; so are the ASCII separators that are not whitespace.
        #expect(ByteDecoding.base64("AP8Q!") == nil)
        #expect(ByteDecoding.base64("AP8Qé") == nil)
        #expect(ByteDecoding.base64("AP\u{1F}8Q") == nil)
        #expect(ByteDecoding.base64("A") == nil)
    }

    @Test func hexFastPathAgreesWithTheCharacterRules() {
        let inputs = [
            "00ff10", "00 ff 10", "00:FF:10", "0x00 0xff 0x10", "0x00ff", "00x1", "0 x00", "00\nff\t10", "00\r\nff",
            "0", "abc", "zz", "+f", "-0", "0x", "", "  ", "0xx0", "00ff1", "ÄÖ", "00 ff é", "0X00", "fF", "00::ff",
        ]
        for input in inputs {
            #expect(ByteDecoding.hex(input) == ByteDecoding.characterHex(input), "\(input.debugDescription)")
        }
        #expect(ByteDecoding.fastHex("0x00 0xff:10") == [0x00, 0xFF, 0x10])
        #expect(ByteDecoding.fastHex("0X00") == nil)
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        let encoded = bytes.map { String(format: "%02x", $0) }.joined(separator: " ")
        #expect(ByteDecoding.hex(encoded) == bytes)
    }

    @Test func aMegabyteLiteralDecodes() {
        let bytes = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let encoded = Data(bytes).base64EncodedString(options: .lineLength76Characters)
        #expect(ByteDecoding.base64(encoded) == bytes)
    }
}
