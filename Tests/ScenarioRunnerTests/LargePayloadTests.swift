import Foundation
import NIOCore
import ScenarioLanguage
import Testing
import WebSocketCore
import WebSocketEngine

@testable import ScenarioRunner

/// Frame records keep only what a transcript shows of large payloads, with the real lengths.
@Suite("Large payloads")
struct LargePayloadTests {
    static func record(
        _ opcode: WebSocketOpcode, _ payload: [UInt8], length: UInt64? = nil, compressed: Bool = false
    ) -> WebSocketFrameRecord {
        WebSocketFrameRecord(
            opcode: opcode, fin: true, rsv: compressed ? 0b100 : 0, masked: false,
            length: length ?? UInt64(payload.count), payload: ByteBuffer(bytes: payload), compressed: compressed)
    }

    static func serialized(_ fields: [(String, OutputJSON)]) -> String { OutputJSON.object(fields).serialized() }

    /// Payloads around the transcript limit, binary and text (with multi-byte characters cut at the limit).
    static let payloads: [(WebSocketOpcode, [UInt8])] = {
        let limit = PayloadRecord.limit
        var result: [(WebSocketOpcode, [UInt8])] = []
        for size in [0, 10, limit - 1, limit, limit + 1, limit + 2, 200_000, 1 << 20] {
            result.append((.binary, (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
            result.append((.text, Array(String(repeating: "a", count: size).utf8)))
        }
        for size in [limit - 1, limit + 1, limit + 5, 100_000] {
            result.append((.text, Array(String(repeating: "é", count: size / 2).utf8)))
            result.append((.text, Array(String(repeating: "€", count: size / 3).utf8)))
        }
        return result
    }()

    @Test func recordsOfLargePayloadsKeepTheRealLengthAndTheSameTranscriptFields() {
        for (opcode, payload) in LargePayloadTests.payloads {
            let record = EngineEventTranslator.frame(LargePayloadTests.record(opcode, payload))
            #expect(record.payloadLength == payload.count)
            #expect(record.length == payload.count)
            #expect(record.payload.count == min(payload.count, FrameRecord.keptPayloadBytes))
            #expect(record.payload == Array(payload.prefix(FrameRecord.keptPayloadBytes)))
            // The transcript shows the same as a record holding the whole payload.
            let whole = FrameRecord(opcode: opcode.rawValue, payload: payload)
            for preferText in [false, true] {
                #expect(
                    LargePayloadTests.serialized(record.transcriptFields(preferText: preferText))
                        == LargePayloadTests.serialized(whole.transcriptFields(preferText: preferText)),
                    "\(opcode) of \(payload.count) bytes")
            }
            let fields = record.transcriptFields(preferText: opcode == .text)
            #expect(fields.first { $0.0 == "length" }?.1 == .int(payload.count))
            let truncated = fields.first { $0.0 == "truncated" }?.1
            #expect(truncated == (payload.count > PayloadRecord.limit ? .bool(true) : nil))
        }
    }

    @Test func compressedRecordsShowTheUncompressedLength() {
        let payload = [UInt8](repeating: 7, count: 300_000)
        let record = EngineEventTranslator.frame(
            LargePayloadTests.record(.binary, payload, length: 900, compressed: true))
        let fields = record.transcriptFields(preferText: false)
        #expect(fields.first { $0.0 == "length" }?.1 == .int(900))
        #expect(fields.first { $0.0 == "uncompressed_length" }?.1 == .int(300_000))
        #expect(fields.first { $0.0 == "compressed" }?.1 == .bool(true))
        #expect(fields.first { $0.0 == "truncated" }?.1 == .bool(true))
        #expect(record.rsv == [true, false, false])
    }

    /// Close payloads that are not a code and a UTF-8 reason, and frames whose header lies about their length,
    /// are shown as they were, with what is known named.
    @Test func oddClosesAndLyingLengthsAreShownAsTheyWere() {
        func fields(_ record: FrameRecord) -> String { LargePayloadTests.serialized(record.transcriptFields) }
        let badReason = FrameRecord(opcode: 0x8, payload: [0x03, 0xE8, 0xC3, 0x28])
        #expect(fields(badReason).contains("\"code\":1000"), "\(fields(badReason))")
        #expect(fields(badReason).contains("\"base64\":\"A+jDKA==\""), "\(fields(badReason))")
        #expect(!fields(badReason).contains("\"reason\""))
        let oneByte = FrameRecord(opcode: 0x8, payload: [0x03])
        #expect(fields(oneByte).contains("\"base64\":\"Aw==\"") && !fields(oneByte).contains("\"code\""))
        let lying = FrameRecord(opcode: 0x1, payload: Array("hi".utf8), length: 127)
        #expect(fields(lying).contains("\"length\":127,\"payload_length\":2,\"text\":\"hi\""), "\(fields(lying))")
        let honest = FrameRecord(opcode: 0x1, payload: Array("hi".utf8))
        #expect(!fields(honest).contains("payload_length"))
    }

    @Test func pongsAndClosesKeepTheirWholePayload() {
        let events = EventLog()
        let translator = EngineEventTranslator { events.append($0.event) }
        let pong = Array("are you there?".utf8)
        translator.translate(TimedWebSocketEvent(time: 1, event: .frameIn(LargePayloadTests.record(.pong, pong))))
        let close: [UInt8] = [0x03, 0xE8] + Array("bye".utf8)
        translator.translate(TimedWebSocketEvent(time: 2, event: .frameIn(LargePayloadTests.record(.close, close))))
        let logged = events.all
        #expect(logged.count == 4)
        if case .pong(let payload) = logged[1] { #expect(payload == pong) } else { Issue.record("no pong: \(logged)") }
        if case .closeReceived(let code, let reason) = logged[3] {
            #expect(code == 1000)
            #expect(reason == "bye")
        } else {
            Issue.record("no close: \(logged)")
        }
        if case .frameIn(let frame) = logged[2] {
            let fields = LargePayloadTests.serialized(frame.transcriptFields)
            #expect(fields.contains(#""code":1000,"reason":"bye","length":5"#))
        } else {
            Issue.record("no close frame: \(logged)")
        }
    }

    @Test func largeMessagesMatchByteForByte() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let payload = (0..<300_000).map { UInt8(truncatingIfNeeded: $0) }
        var changedLast = payload
        changedLast[changedLast.count - 1] ^= 1
        let yaml = """
            name: big binary
            steps:
              - connect: ws://example.test/
              - send: { binary: { base64: "\(Data(payload).base64EncodedString())" } }
              - expect_message: { binary: { base64: "\(Data(payload).base64EncodedString())" }, within: 2s }
              - send: { binary: { base64: "\(Data(payload).base64EncodedString())" } }
              - expect_message: { binary: { base64: "\(Data(changedLast).base64EncodedString())" }, within: 200ms }
            """
        let result = try await harness.runOne(yaml)
        #expect(result.status == .failed)
        #expect(result.failure?.step == "4")
        #expect(result.failure?.message.contains("no matching message arrived") == true)
        let events = try harness.events(result)
        let frames = events.filter { $0["event"] as? String == "frame_out" && $0["opcode"] as? String == "binary" }
        #expect(frames.count == 2)
        #expect(frames.allSatisfy { $0["length"] as? Int == 300_000 && $0["truncated"] as? Bool == true })
    }
}

/// Collects translated events.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [ConnectionEvent] = []

    func append(_ event: ConnectionEvent) { lock.withLock { events.append(event) } }
    var all: [ConnectionEvent] { lock.withLock { events } }
}
