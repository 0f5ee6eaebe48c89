import Foundation
import NIOCore
import ScenarioLanguage
import TestSupport
import Testing

@testable import ScenarioRunner

/// `binary: { file: }` payloads are read once while the file stays the same, and again when it changes.
@Suite("File payloads")
struct FilePayloadTests {
    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    @Test func aFileRewrittenRightAwayIsReadAgain() throws {
        let directory = try TestPaths.makeTemporaryDirectory("file-payload")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("payload.bin")
        let cache = FilePayloadCache()
        try FilePayloadTests.write("aaaa", to: file)
        #expect(cache.buffer(atPath: file.path) == ByteBuffer(string: "aaaa"))
        // Same size, within the same file-time tick: only the settle rule can tell.
        try FilePayloadTests.write("bbbb", to: file)
        #expect(cache.buffer(atPath: file.path) == ByteBuffer(string: "bbbb"))
        #expect(cache.reads == 2)
        #expect(cache.buffer(atPath: directory.appendingPathComponent("missing").path) == nil)
    }

    @Test func aSettledFileIsReadOnceUntilItChanges() async throws {
        let directory = try TestPaths.makeTemporaryDirectory("file-payload")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("payload.bin")
        // Settled means: last changed in an earlier second than now.
        let cache = FilePayloadCache(settleSeconds: 0)
        try FilePayloadTests.write("first", to: file)
        try await FilePayloadTests.waitForTheNextSecond()
        for _ in 0..<3 { #expect(cache.buffer(atPath: file.path) == ByteBuffer(string: "first")) }
        #expect(cache.reads == 1)
        try FilePayloadTests.write("secnd", to: file)
        #expect(cache.buffer(atPath: file.path) == ByteBuffer(string: "secnd"))
        #expect(cache.reads == 2)
        try FileManager.default.removeItem(at: file)
        #expect(cache.buffer(atPath: file.path) == nil)
    }

    static func waitForTheNextSecond() async throws {
        let start = FilePayloadCache.wallClockSeconds()
        for _ in 0..<300 where FilePayloadCache.wallClockSeconds() == start {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
    }

    @Test func aFileChangedBetweenTwoSendsIsSentAsChanged() async throws {
        let directory = try TestPaths.makeTemporaryDirectory("file-payload")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("payload.bin")
        try FilePayloadTests.write("old!", to: file)
        let sent = SentLog()
        let connector = ScriptedConnector { _ in
            var script = Script()
            script.react = { action in
                if case .binary(let bytes) = action {
                    // The server rewrites the file (same size) when the first copy arrives.
                    if sent.append(bytes) == 1 { try? FilePayloadTests.write("new!", to: file) }
                }
                return Script.echo(action)
            }
            return script
        }
        let harness = try Harness(connector: connector)
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: file payload changes
            steps:
              - connect: ws://example.test/
              - repeat:
                  times: 2
                  steps:
                    - send: { binary: { file: "\(file.path)" } }
              - expect_message: { binary: { hex: "6f6c6421" } }
              - expect_message: { binary: { hex: "6e657721" } }
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
        #expect(sent.all == [Array("old!".utf8), Array("new!".utf8)])
    }
}

/// Binary payloads the scripted server received.
final class SentLog: @unchecked Sendable {
    private let lock = NSLock()
    private var payloads: [[UInt8]] = []

    /// Appends `payload`; returns how many payloads there are now.
    func append(_ payload: [UInt8]) -> Int {
        lock.withLock {
            payloads.append(payload)
            return payloads.count
        }
    }

    var all: [[UInt8]] { lock.withLock { payloads } }
}
