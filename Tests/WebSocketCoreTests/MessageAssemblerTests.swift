import NIOCore
import Testing

@testable import WebSocketCore

@Suite struct MessageAssemblerTests {
    func frame(_ opcode: WebSocketOpcode, _ bytes: [UInt8], fin: Bool = true) -> WebSocketFrame {
        WebSocketFrame(fin: fin, opcode: opcode, payload: buffer(bytes))
    }

    @Test func reassemblesFragmentsWithControlFramesInBetween() throws {
        var assembler = MessageAssembler()
        #expect(try assembler.receive(frame(.text, "Hel".bytes, fin: false)) == .fragment)
        #expect(try assembler.receive(frame(.ping, [1])) == .ping(buffer([1])))
        #expect(try assembler.receive(frame(.continuation, "lo ".bytes, fin: false)) == .fragment)
        guard case .message(let message) = try assembler.receive(frame(.continuation, "world".bytes)) else {
            Issue.record("no message")
            return
        }
        #expect(message.text == "Hello world")
        #expect(message.kind == .text)
        #expect(message.frameCount == 3)
        #expect(!assembler.isAssembling)
    }

    @Test func validatesUTF8AcrossFragmentsAndFailsAtTheBadFragment() throws {
        var assembler = MessageAssembler()
        // "€" = E2 82 AC split over fragments is fine.
        #expect(try assembler.receive(frame(.text, [0xE2], fin: false)) == .fragment)
        #expect(try assembler.receive(frame(.continuation, [0x82], fin: false)) == .fragment)
        guard case .message(let message) = try assembler.receive(frame(.continuation, [0xAC])) else {
            Issue.record("no message")
            return
        }
        #expect(message.text == "€")
        var failing = MessageAssembler()
        #expect(try failing.receive(frame(.text, "ok".bytes, fin: false)) == .fragment)
        #expect(throws: ProtocolViolation.invalidUTF8Text()) {
            try failing.receive(frame(.continuation, [0xED, 0xA0], fin: false))
        }
        var truncated = MessageAssembler()
        #expect(throws: ProtocolViolation.invalidUTF8Text()) { try truncated.receive(frame(.text, [0xE2, 0x82])) }
        #expect(ProtocolViolation.invalidUTF8Text().closeCode == 1007)
    }

    @Test func binaryMessagesAreNotValidated() throws {
        var assembler = MessageAssembler()
        #expect(
            try assembler.receive(frame(.binary, [0xFF, 0xFE]))
                == .message(
                    WebSocketMessage(kind: .binary, data: buffer([0xFF, 0xFE]))))
    }

    @Test func rejectsContinuationWithoutStartAndNewMessageInsideFragmented() throws {
        var assembler = MessageAssembler()
        #expect(throws: ProtocolViolation.continuationWithoutStart()) {
            try assembler.receive(frame(.continuation, [1]))
        }
        var nested = MessageAssembler()
        _ = try nested.receive(frame(.binary, [1], fin: false))
        #expect(throws: ProtocolViolation.dataFrameInsideFragmentedMessage(1)) {
            try nested.receive(frame(.text, [1]))
        }
    }

    @Test func enforcesTheMessageSizeAcrossFragments() throws {
        var assembler = MessageAssembler(maxMessageSize: 10)
        _ = try assembler.receive(frame(.binary, [UInt8](repeating: 0, count: 6), fin: false))
        #expect(throws: ProtocolViolation.messageTooLarge(12, limit: 10)) {
            try assembler.receive(frame(.continuation, [UInt8](repeating: 0, count: 6)))
        }
        #expect(ProtocolViolation.messageTooLarge(12, limit: 10).closeCode == 1009)
    }

    @Test func parsesAndValidatesClosePayloads() throws {
        var assembler = MessageAssembler()
        #expect(try assembler.receive(frame(.close, [])) == .close(ClosePayload(code: nil)))
        #expect(
            try assembler.receive(frame(.close, [0x03, 0xE8] + "bye".bytes))
                == .close(
                    ClosePayload(code: 1000, reason: "bye")))
        #expect(throws: ProtocolViolation.closePayloadOneByte()) { try assembler.receive(frame(.close, [0x03])) }
        for invalid: UInt16 in [0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535] {
            #expect(throws: ProtocolViolation.invalidCloseCode(invalid)) {
                try assembler.receive(frame(.close, [UInt8(invalid >> 8), UInt8(invalid & 0xFF)]))
            }
        }
        for valid: UInt16 in [1000, 1001, 1002, 1003, 1007, 1011, 1014, 3000, 4999] {
            #expect(
                try assembler.receive(frame(.close, [UInt8(valid >> 8), UInt8(valid & 0xFF)]))
                    == .close(
                        ClosePayload(code: valid)))
        }
        #expect(throws: ProtocolViolation.invalidUTF8CloseReason()) {
            try assembler.receive(frame(.close, [0x03, 0xE8, 0xFF]))
        }
        #expect(ProtocolViolation.invalidUTF8CloseReason().closeCode == 1007)
    }

    @Test func failsFastInsideAFrameThatHasNotFullyArrived() throws {
        // A 20-byte text frame whose 6th byte is already impossible UTF-8; only 8 payload bytes have arrived.
        var parser = FrameParser()
        parser.append(buffer([0x81, 20] + "hello".bytes + [0xF8, 0x41, 0x41]))
        #expect(try parser.nextFrame() == nil)
        let partial = try #require(parser.partialFrame())
        #expect(partial.opcode == .text)
        #expect(partial.payloadPrefix.readableBytes == 8)
        var assembler = MessageAssembler()
        #expect(throws: ProtocolViolation.invalidUTF8Text()) {
            try assembler.checkPartial(opcode: partial.opcode, payloadPrefix: partial.payloadPrefix)
        }
        // Valid prefixes pass, also continuing a fragmented text message, and binary is never checked.
        var fragmented = MessageAssembler()
        _ = try fragmented.receive(frame(.text, [0xE2], fin: false))
        try fragmented.checkPartial(opcode: .continuation, payloadPrefix: buffer([0x82]))
        #expect(throws: ProtocolViolation.invalidUTF8Text()) {
            try fragmented.checkPartial(opcode: .continuation, payloadPrefix: buffer([0x82, 0xFF]))
        }
        var binary = MessageAssembler()
        try binary.checkPartial(opcode: .binary, payloadPrefix: buffer([0xFF]))
    }
}
