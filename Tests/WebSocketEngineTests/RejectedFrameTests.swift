import EngineTestSupport
import NIOCore
import Testing
import WebSocketCore
import WebSocketEngine

/// Frames that break frame-level rules are in the transcript (a `frameIn` event) before the error.
@Suite struct RejectedFrameTests {
    /// Answers 101 followed by `frame`; returns the frame events received and the error, checking the order.
    func rejectedFrame(_ frame: [UInt8], code: UInt16) async throws -> WebSocketFrameRecord {
        let server = try await ScriptedServer(.init(answer: { ScriptedServer.upgrade($0) + frame }))
        defer { Task { await server.stop() } }
        let (result, inbox) = await connect(server.url) { $0.closeTimeout = .milliseconds(500) }
        #expect(result.connection != nil)
        #expect(await waitForClose(inbox) != nil)
        let events = inbox.events.map(\.event)
        let frameIndex = try #require(
            events.firstIndex {
                if case .frameIn = $0 { return true }
                return false
            }, "no frame_in event: \(eventNames(inbox))")
        let errorIndex = try #require(
            events.firstIndex {
                if case .error = $0 { return true }
                return false
            })
        #expect(frameIndex < errorIndex)
        #expect(inbox.firstError?.kind == .protocol)
        #expect(inbox.firstError?.closeCode == code)
        guard case .frameIn(let record) = events[frameIndex] else { throw CancellationError() }
        return record
    }

    @Test func aReservedOpcodeFrameIsRecorded() async throws {
        let record = try await rejectedFrame([0x83, 0x02, 0x68, 0x69], code: 1002)
        #expect(record.opcode.rawValue == 0x3)
        #expect(record.fin)
        #expect(record.length == 2)
        #expect(Array(record.payload.readableBytesView) == [0x68, 0x69])
    }

    @Test func aMaskedServerFrameIsRecordedUnmasked() async throws {
        let record = try await rejectedFrame([0x81, 0x82, 1, 2, 3, 4, 0x68 ^ 1, 0x69 ^ 2], code: 1002)
        #expect(record.opcode == .text)
        #expect(record.masked)
        #expect(String(decoding: record.payload.readableBytesView, as: UTF8.self) == "hi")
    }

    @Test func anRSV1FrameWithoutExtensionIsRecorded() async throws {
        let record = try await rejectedFrame([0xC1, 0x01, 0x41], code: 1002)
        #expect(record.rsv == 0b100)
        #expect(record.rsvBits == [true, false, false])
        #expect(Array(record.payload.readableBytesView) == [0x41])
    }

    @Test func aTooLongControlFrameIsRecordedWithItsPayload() async throws {
        let payload = [UInt8](repeating: 0x2A, count: 126)
        let record = try await rejectedFrame([0x89, 126, 0x00, 126] + payload, code: 1002)
        #expect(record.opcode == .ping)
        #expect(record.length == 126)
        #expect(Array(record.payload.readableBytesView) == payload)
    }

    @Test func anAbsurdLengthIsRecordedWithoutPayload() async throws {
        let record = try await rejectedFrame([0x82, 127, 0, 0, 0x01, 0, 0, 0, 0, 0], code: 1009)
        #expect(record.opcode == .binary)
        #expect(record.length == 1 << 40)
        #expect(record.payload.readableBytes == 0)
    }
}
