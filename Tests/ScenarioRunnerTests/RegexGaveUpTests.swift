import ScenarioLanguage
import Testing

@testable import ScenarioRunner

/// A regex that ICU gives up on (its backtracking limit) is not reported as a plain "does not match".
@Suite struct RegexGaveUpTests {
    static let long = String(repeating: "ab", count: 150_000)

    @Test func theEngineGivingUpIsNamed() throws {
        let backtracking = try CompiledRegex("^(a|b)*$")
        #expect(!backtracking.matches(Self.long))
        #expect(backtracking.gaveUp(on: Self.long))
        #expect(backtracking.mismatchReason(Self.long).hasPrefix("could not be checked against /^(a|b)*$/: "))
        let simple = try CompiledRegex("^[ab]*$")
        #expect(simple.matches(Self.long))
        let plain = try CompiledRegex("^x")
        #expect(!plain.gaveUp(on: Self.long))
        #expect(plain.mismatchReason(Self.long) == "does not match /^x/")
    }

    @Test func anExpectMessageFailureSaysTheEngineGaveUp() async throws {
        let harness = try Harness(
            connector: ScriptedConnector { _ in
                var script = Script()
                script.greeting = [Script.text(RegexGaveUpTests.long)]
                return script
            })
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: long text
            steps:
              - connect: ws://fake/
              - expect_message: { regex: "^(a|b)*$", within: 100ms }
            """)
        let message = try #require(result.failure?.message)
        #expect(message.contains("text could not be checked against /^(a|b)*$/"), "\(message.prefix(2000))")
    }
}
