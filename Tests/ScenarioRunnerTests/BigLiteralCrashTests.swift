import Foundation
import ScenarioLanguage
import TestServer
import Testing

@testable import ScenarioRunner

/// Scenarios with several megabyte-sized base64 literals load and run (this once crashed the debug test binary).
@Suite("Big literals")
struct BigLiteralCrashTests {
    /// 1 MiB of bytes 0...255 repeated, as the benchmarks send it.
    static let payload: [UInt8] = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0) }

    static func yaml(literals: Int, server: String = "ws://fake") -> String {
        let base64 = Data(payload).base64EncodedString()
        var text = "name: big literals\nsteps:\n  - connect: \(server)/echo\n"
        for _ in 0..<literals {
            text += "  - send: { binary: { base64: \"\(base64)\" } }\n"
            text += "  - expect_message: { binary: { base64: \"\(base64)\" } }\n"
        }
        text += "  - close: {}\n"
        return text
    }

    /// Four sends and four `expect_message` steps, each with a 1.4 MB base64 literal, against the scripted echo.
    @Test func megabyteLiteralsRunThroughTheHarness() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(Self.yaml(literals: 4))
        #expect(result.status == .passed, "\(String(describing: result.failure))")
    }

    /// The same from a file on disk, over real sockets against the built-in server, with the real connector.
    @Test func megabyteLiteralsFromAFileAgainstTheBuiltInServer() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let server = try await BuiltInServer.start(BuiltInServerConfiguration())
        let file = harness.directory.appendingPathComponent("big.yaml")
        do {
            try Self.yaml(literals: 4, server: server.url).write(to: file, atomically: true, encoding: .utf8)
        } catch {
            try await server.shutdown()
            throw error
        }
        let suite = ScenarioLoader().load(paths: [file.path])
        var options = harness.options()
        options.connector = nil
        let summary = await ScenarioRunner(options).run(scenarios: suite.scenarios)
        try await server.shutdown()
        #expect(!suite.hasErrors)
        #expect(summary.results.map(\.status) == [.passed], "\(summary.results.map(\.failure))")
    }
}
