import Foundation
import TestSupport
import Testing

/// `docs/server.md` shows the log line `wscenario serve` really writes.
@Suite struct LogFormatTests {
    static let linePattern =
        #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4} info wscenario\.serve: \[TestServer\] "#
        + #"127\.0\.0\.1:\d+ GET /echo -> 101$"#

    @Test func theDocumentedLogLineIsTheRealOne() async throws {
        let pattern = try Regex(Self.linePattern)
        let server = try BackgroundProcess(
            TestPaths.wscenarioBinary, ["serve", "--port", "0"], readyLine: "listening on ws://127.0.0.1:")
        defer { server.stop() }
        let line = try #require(server.output.split(separator: "\n").first { $0.hasPrefix("listening on ") })
        let port = try #require(Int(line.split(separator: ":").last ?? ""))
        let client = try TestClient(port: port, path: "/echo")
        _ = try client.close()
        let deadline = Date().addingTimeInterval(5)
        var logged: [Substring] = []
        while Date() < deadline {
            logged = server.output.split(separator: "\n").filter { $0.contains("GET /echo") }
            if !logged.isEmpty { break }
            usleep(20_000)
        }
        let real = try #require(logged.first, "no log line in: \(server.output)")
        #expect(real.wholeMatch(of: pattern) != nil, "\(real)")
        let docs = try String(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent("docs/server.md"), encoding: .utf8)
        let documented = docs.split(separator: "\n").map { $0.drop { $0 == " " } }.filter {
            $0.contains("GET /echo ->")
        }
        #expect(documented.contains { $0.wholeMatch(of: pattern) != nil }, "docs/server.md: \(documented)")
    }
}
