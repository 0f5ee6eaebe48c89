import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

@Suite("ScenarioRunner library API")
struct RunnerLibraryTests {
    @Test func includeRunsStepsInlineWithVariables() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let root = harness.directory.appendingPathComponent("suite")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("common"), withIntermediateDirectories: true)
        try Data(
            """
            name: login
            steps:
              - send: "login ${user}"
              - expect_message: "login ${user}"
            """.utf8
        ).write(to: root.appendingPathComponent("common/login.yaml"))
        try Data(
            """
            name: uses include
            steps:
              - connect: ws://fake/
              - include: { file: common/login.yaml, vars: { user: alice } }
              - send: "after ${user}"
              - expect_message: "after alice"
            """.utf8
        ).write(to: root.appendingPathComponent("main.yaml"))
        var options = harness.options()
        options.reports = [.json(path: harness.directory.appendingPathComponent("r.json").path)]
        let summary = try await ScenarioRunner(options).run(paths: [root.appendingPathComponent("main.yaml").path])
        let result = try #require(summary.results.first)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
        let steps = try harness.events(result).compactMap { stepText($0["step"]) }
        #expect(steps.contains("1.0"))
        #expect(FileManager.default.fileExists(atPath: harness.directory.appendingPathComponent("r.json").path))
    }

    @Test func reconnectingUnderTheSameNameStartsAFreshInbox() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: reconnect
            inbox: strict
            steps:
              - connect: ws://fake/
              - send: one
              - close
              - connect: ws://fake/
              - send: two
              - expect_message: { text: two, ordered: true }
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
        #expect(harness.connector.requests.count == 2)
    }

    @Test func cancellingTheRunInterruptsAndFinishesTheTranscript() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let suite = ScenarioLoader().load(
            yaml: """
                name: long wait
                steps:
                  - connect: ws://fake/
                  - wait: 20s
                  - send: never
                """, file: "suite/long.yaml", variables: [:])
        let runner = ScenarioRunner(harness.options())
        let task = Task { await runner.run(scenarios: suite.scenarios) }
        // Cancel once the scenario is inside its wait step (bounded).
        let transcript = harness.directory.appendingPathComponent("transcripts/suite/long/long-wait.jsonl")
        for _ in 0..<500 {
            let text = (try? String(contentsOf: transcript, encoding: .utf8)) ?? ""
            if text.contains(#""kind":"wait""#) { break }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        task.cancel()
        let summary = await task.value
        #expect(summary.interrupted)
        let result = try #require(summary.results.first)
        #expect(result.status == .interrupted)
        let events = try harness.events(result)
        #expect(events.last?["event"] as? String == "scenario_end")
        #expect(events.last?["status"] as? String == "interrupted")
        #expect(events.contains { $0["event"] as? String == "close" })
    }

    @Test func invalidFilesAndEmptySelectionsThrow() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let file = harness.directory.appendingPathComponent("bad.yaml")
        try Data("name: x\nsteps: 3\n".utf8).write(to: file)
        await #expect(throws: RunError.self) { _ = try await ScenarioRunner(harness.options()).run(paths: [file.path]) }
        let good = harness.directory.appendingPathComponent("good.yaml")
        try Data("name: x\ntags: [a]\nsteps:\n  - connect: ws://fake/\n".utf8).write(to: good)
        var options = harness.options()
        options.tags = ["b"]
        await #expect(throws: RunError.self) { _ = try await ScenarioRunner(options).run(paths: [good.path]) }
        options.tags = ["a"]
        let summary = try await ScenarioRunner(options).run(paths: [good.path])
        #expect(summary.allPassed)
    }
}
