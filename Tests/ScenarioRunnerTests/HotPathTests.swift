import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

@Suite("Hot path: signals, transcript buffering, matcher cache")
struct HotPathTests {
    @Test func waitReturnsAtOnceWhenTheChangeAlreadyHappened() async {
        let signal = ChangeSignal()
        let seen = signal.current
        signal.signal()
        // A 1-hour timeout: returning at all shows the stale generation was noticed without waiting.
        await signal.wait(since: seen, timeoutNanos: 3_600_000_000_000)
        #expect(signal.current == seen + 1)
    }

    @Test func signalWakesAWaiterAndTheTimerEndsAnother() async {
        let signal = ChangeSignal()
        let seen = signal.current
        // Ends by its deadline: nothing signals it.
        await signal.wait(since: seen, timeoutNanos: 20_000_000)
        #expect(signal.current == seen)
        let waiter = Task { await signal.wait(since: seen, timeoutNanos: 3_600_000_000_000) }
        // Keep signalling until the waiter (which may register after the first signal) returns.
        let poller = Task {
            while !Task.isCancelled {
                signal.signal()
                try? await Task.sleep(nanoseconds: 5_000_000)
            }
        }
        await waiter.value
        poller.cancel()
        #expect(signal.current > seen)
    }

    @Test func cancellationEndsAWait() async {
        let signal = ChangeSignal()
        let seen = signal.current
        let waiter = Task { await signal.wait(since: seen, timeoutNanos: 3_600_000_000_000) }
        waiter.cancel()
        await waiter.value
        #expect(signal.current == seen)
    }

    @Test func bufferedEventsReachTheFileWithoutAnExplicitFlush() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hotpath-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = TranscriptLocation(directory: directory, file: "s.yaml", name: "buffered")
        let writer = try TranscriptWriter(location: location, redactor: Redactor(), startNanos: 0, clock: { 0 })
        writer.record(.capture, [("name", .string("first"))])
        var jsonl = ""
        for _ in 0..<500 {
            jsonl = (try? String(contentsOf: location.jsonl, encoding: .utf8)) ?? ""
            if !jsonl.isEmpty { break }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        #expect(jsonl.contains(#""name":"first""#))
        #expect(jsonl.hasSuffix("\n"))
        writer.record(.capture, [("name", .string("second"))])
        writer.finish()
        let text = try String(contentsOf: location.text, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 2)
        #expect(try String(contentsOf: location.jsonl, encoding: .utf8).contains(#""name":"second""#))
    }

    @Test func literalMatchersAreResolvedOnceAndTemplatesEveryTime() throws {
        let cache = MatcherCache()
        var lookups = 0
        let literal = MessageMatcher.text("hello")
        for _ in 0..<3 {
            let resolved = try cache.resolve(literal, key: "0#0") { _ in
                lookups += 1
                return .string("x")
            }
            guard case .text(let text) = resolved else { throw CancellationError() }
            #expect(text == "hello")
        }
        #expect(lookups == 0)
        let template = MessageMatcher.text(
            Template(parts: [.literal("n="), .reference(.variable("n"))], source: "n=${n}"))
        for value in ["1", "2"] {
            let resolved = try cache.resolve(template, key: "1#0") { _ in
                lookups += 1
                return .string(value)
            }
            guard case .text(let text) = resolved else { throw CancellationError() }
            #expect(text == "n=" + value)
        }
        #expect(lookups == 2)
    }
}
