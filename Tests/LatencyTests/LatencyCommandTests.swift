import Foundation
import TestSupport
import Testing

/// The built `wscenario-latency` executable: output, usage errors and empty input.
struct LatencyCommandTests {
    private var binary: String { TestPaths.productsDirectory.appendingPathComponent("wscenario-latency").path }

    private func withFile(_ contents: String, _ body: (String) throws -> Void) throws {
        let directory = try TestPaths.makeTemporaryDirectory("latency-test")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("input")
        try Data(contents.utf8).write(to: file)
        try body(file.path)
    }

    private func figures(_ output: String) throws -> [String: Double] {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        return (object ?? [:]).compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }

    @Test func samplesFileGivesOneJsonObject() throws {
        let samples = (1...100).map { "\($0 * 10_000)" }.joined(separator: "\n") + "\n"
        try withFile(samples) { path in
            let result = try ProcessRunner.run(binary, ["--samples", path], timeout: 30)
            #expect(result.exitCode == 0, "\(result.standardError)")
            let values = try figures(result.standardOutput)
            #expect(values["count"] == 100)
            #expect(abs((values["p50"] ?? 0) - 500) <= 0.5)
            #expect(abs((values["p99"] ?? 0) - 990) <= 1)
            #expect(values["max"] == 1000)
            #expect(Set(values.keys) == ["count", "p50", "p99", "p999", "max", "mean"])
        }
    }

    @Test func transcriptGivesItsRoundTrips() throws {
        let transcript = """
            {"t":0.000100,"event":"frame_out","conn":"default","opcode":"text","fin":true,"length":1,"text":"a"}
            {"t":0.000175,"event":"frame_in","conn":"default","opcode":"text","fin":true,"length":1,"text":"a"}

            """
        try withFile(transcript) { path in
            let result = try ProcessRunner.run(binary, ["--transcript", path], timeout: 30)
            #expect(result.exitCode == 0, "\(result.standardError)")
            #expect(
                try figures(result.standardOutput) == [
                    "count": 1, "p50": 75, "p99": 75, "p999": 75, "max": 75, "mean": 75,
                ])
        }
    }

    @Test func emptyInputExitsTwo() throws {
        try withFile("") { path in
            let result = try ProcessRunner.run(binary, ["--samples", path], timeout: 30)
            #expect(result.exitCode == 2)
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.contains("no latency samples"))
        }
    }

    @Test(arguments: [[], ["--samples", "a", "--transcript", "b"], ["--bogus"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let result = try ProcessRunner.run(binary, arguments, timeout: 30)
        #expect(result.exitCode == 2)
        #expect(!result.standardError.isEmpty)
    }

    @Test func unreadableFileExitsTwo() throws {
        let result = try ProcessRunner.run(binary, ["--samples", "/nonexistent/latencies.txt"], timeout: 30)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("cannot read"))
    }
}
