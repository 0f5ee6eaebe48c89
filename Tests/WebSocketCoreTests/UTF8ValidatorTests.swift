import NIOCore
import Testing

@testable import WebSocketCore

@Suite struct UTF8ValidatorTests {
    @Test func acceptsValidTextSplitAnywhere() {
        let text = "κόσμε — héllo, 世界 🎉!".bytes
        for split in 0...text.count {
            var validator = UTF8Validator()
            let firstValid = validator.feed(buffer(Array(text[..<split])))
            #expect(firstValid)
            let secondValid = validator.feed(buffer(Array(text[split...])))
            #expect(secondValid)
            #expect(validator.isComplete)
        }
    }

    @Test(arguments: [
        [0xC0, 0x80] as [UInt8],  // overlong NUL
        [0xED, 0xA0, 0x80],  // UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xFF],
        [0x80],  // lone continuation byte
    ])
    func rejectsInvalidSequences(bytes: [UInt8]) {
        #expect(!UTF8Validator.isValid(buffer([0x41] + bytes + [0x41])))
    }

    @Test func failsFastAtTheFirstImpossibleByte() {
        // Autobahn 6.4.1: the fragment up to 0xF4 0x90 is already invalid before the rest arrives.
        var validator = UTF8Validator()
        let prefixValid = validator.feed(buffer("κόσμε".bytes))
        #expect(prefixValid)
        let badValid = validator.feed(buffer([0xF4, 0x90]))
        #expect(!badValid)
        #expect(validator.hasFailed)
        let afterValid = validator.feed(buffer([0x41]))
        #expect(!afterValid)
    }

    @Test func reportsAnIncompleteSequenceAtTheEnd() {
        var validator = UTF8Validator()
        let ok8632 = validator.feed(buffer([0xE2, 0x82]))
        #expect(ok8632)
        #expect(!validator.isComplete)
        #expect(!UTF8Validator.isValid(buffer([0xE2, 0x82])))
    }
}
