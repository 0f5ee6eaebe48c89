import Foundation
import Testing

@testable import ScenarioRunner

/// The direct encoder (frames, messages, passed steps written from their data) must write exactly what the general
/// encoder writes for the same event, and the writer's files and report text must not change with it.
@Suite("Transcript direct encoding")
struct TranscriptDirectEncodingTests {
    static let payloads: [[UInt8]] = {
        var payloads: [[UInt8]] = TranscriptEncodingTests.strings.map { Array($0.utf8) }
        payloads += [0, 1, 2, 3, 31, 32, 299, 300, 301, 400, 401, 4096, 4097, 65_536, 65_537].map {
            TranscriptEncodingTests.randomBytes($0, seed: UInt64($0) + 11)
        }
        payloads += [399, 400, 401, 65_535, 65_536, 65_537].map {
            Array(String(repeating: "ab", count: $0).utf8.prefix($0))
        }
        payloads.append(Array("{\"type\":\"chat\",\"text\":\"hi\"}".utf8))
        payloads.append(Array(("[" + Array(repeating: "12", count: 250).joined(separator: ",") + "]").utf8))
        payloads.append(Array("line one\nline two\ttab \"quoted\" \\ back".utf8))
        payloads.append(Array("carriage\r\nreturn".utf8))
        payloads.append(Array("delete \u{7F} in ASCII".utf8))
        return payloads
    }()

    static func generic(_ event: TranscriptKeptEvent) -> (json: [UInt8], text: [UInt8]) {
        TranscriptEncodingTests.encodedBytes(event.event)
    }

    @Test func framesEncodeLikeTheGeneralEncoder() {
        var direct = 0
        var index = 0
        for payload in TranscriptDirectEncodingTests.payloads {
            for opcode: UInt8 in [0x0, 0x1, 0x2, 0x3, 0x8, 0x9, 0xA] {
                for preferText in [true, false] {
                    index += 1
                    let record = FrameRecord(
                        opcode: opcode, fin: index % 3 != 0,
                        rsv: index % 11 == 0 ? [true, false, false] : [false, false, false],
                        payloadPrefix: Array(payload.prefix(FrameRecord.keptPayloadBytes)),
                        payloadLength: payload.count + (index % 5 == 0 ? 1000 : 0),
                        length: index % 7 == 0 ? payload.count + 1 : nil,  // a lying header now and then
                        masked: index % 2 == 0, compressed: index % 13 == 0)
                    let time = TranscriptEncodingTests.times[index % TranscriptEncodingTests.times.count]
                    let step = TranscriptEncodingTests.steps[index % TranscriptEncodingTests.steps.count]
                    let connection = ["c", "alice", "b\"o\\b", "名前"][index % 4]
                    let kind: TranscriptEventKind = index % 2 == 0 ? .frameOut : .frameIn
                    var json = TranscriptByteSink(capacity: 16)
                    var text = TranscriptByteSink(capacity: 16)
                    let wrote = TranscriptDirectEncoder.encodeFrame(
                        time: time, kind: kind, connection: connection, step: step, frame: record,
                        preferText: preferText, json: &json, text: &text)
                    guard wrote else {
                        #expect(json.count == 0 && text.count == 0)
                        continue
                    }
                    direct += 1
                    let expected = TranscriptDirectEncodingTests.generic(
                        .frame(
                            time: time, kind: kind, connection: connection, step: step, record: record,
                            preferText: preferText))
                    #expect(json.array() == expected.json, "\(String(decoding: expected.json, as: UTF8.self))")
                    #expect(text.array() == expected.text, "\(String(decoding: expected.text, as: UTF8.self))")
                }
            }
        }
        #expect(direct > 300)
    }

    @Test func theGeneralEncoderKeepsWhatTheDirectOneCannotShow() {
        func writes(_ record: FrameRecord, preferText: Bool = true) -> Bool {
            var json = TranscriptByteSink()
            var text = TranscriptByteSink()
            return TranscriptDirectEncoder.encodeFrame(
                time: 0, kind: .frameIn, connection: "c", step: "1", frame: record, preferText: preferText,
                json: &json, text: &text)
        }
        #expect(writes(FrameRecord(opcode: 0x1, payload: Array("hello".utf8))))
        #expect(writes(FrameRecord(opcode: 0x2, payload: [0, 1, 2])))
        #expect(writes(FrameRecord(opcode: 0x1, payload: Array("é".utf8)), preferText: false))
        #expect(!writes(FrameRecord(opcode: 0x1, payload: Array("héllo".utf8))))
        #expect(!writes(FrameRecord(opcode: 0x1, payload: Array("a\r\nb".utf8))))
        #expect(!writes(FrameRecord(opcode: 0x8, payload: [0x03, 0xE8])))
        #expect(!writes(FrameRecord(opcode: 0x3, payload: [])))
        #expect(!writes(FrameRecord(opcode: 0x1, rsv: [false, true, false], payload: [])))
        #expect(!writes(FrameRecord(opcode: 0x1, payload: Array("x".utf8), compressed: true)))
    }

    @Test func messagesEncodeLikeTheGeneralEncoder() {
        var direct = 0
        for (index, payload) in TranscriptDirectEncodingTests.payloads.enumerated() {
            for isText in [true, false] {
                let shown = Array(payload.prefix(FrameRecord.keptPayloadBytes))
                let length = payload.count + (index % 3 == 0 ? 5_000_000 : 0)
                let step = TranscriptEncodingTests.steps[index % TranscriptEncodingTests.steps.count]
                var json = TranscriptByteSink(capacity: 16)
                var text = TranscriptByteSink(capacity: 16)
                let wrote = shown.withUnsafeBufferPointer {
                    TranscriptDirectEncoder.encodeMessage(
                        time: 0.5 + Double(index), connection: "c", step: step, isText: isText, shown: $0,
                        length: length, json: &json, text: &text)
                }
                guard wrote else { continue }
                direct += 1
                let expected = TranscriptDirectEncodingTests.generic(
                    .message(
                        time: 0.5 + Double(index), connection: "c", step: step, isText: isText, shown: shown,
                        length: length))
                #expect(json.array() == expected.json, "\(String(decoding: expected.json, as: UTF8.self))")
                #expect(text.array() == expected.text, "\(String(decoding: expected.text, as: UTF8.self))")
            }
        }
        #expect(direct > 60)
    }

    @Test func passedStepsEncodeLikeTheGeneralEncoder() {
        for duration in TranscriptEncodingTests.doubles + [0.000008, 0.000265, 2.2e-05, 12.5] {
            for step in ["0", "1.0", "12.3.4"] {
                var json = TranscriptByteSink(capacity: 16)
                var text = TranscriptByteSink(capacity: 16)
                TranscriptDirectEncoder.encodeStepPassed(
                    time: 0.003, step: step, duration: duration, json: &json, text: &text)
                let expected = TranscriptDirectEncodingTests.generic(
                    .stepPassed(time: 0.003, step: step, duration: duration))
                #expect(json.array() == expected.json, "\(String(decoding: expected.json, as: UTF8.self))")
                #expect(text.array() == expected.text)
            }
        }
    }
}
