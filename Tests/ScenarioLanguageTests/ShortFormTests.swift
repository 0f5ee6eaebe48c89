import Testing

@testable import ScenarioLanguage

/// Each short form compiles to the same plan as its long form (compared through a canonical dump).
@Suite struct ShortFormTests {
    static let pairs: [(String, String)] = [
        ("- connect: ws://127.0.0.1:9001/x", "- connect: { url: \"ws://127.0.0.1:9001/x\", as: default }"),
        ("- expect_handshake: 101", "- expect_handshake: { status: 101 }"),
        ("- expect_handshake", "- expect_handshake: { status: 101, on: default }"),
        ("- send: hello", "- send: { text: hello }"),
        ("- send: 42", "- send: { text: \"42\", fragments: 1 }"),
        ("- ping: beat", "- ping: { payload: beat }"),
        ("- ping", "- ping: { payload: \"\" }"),
        ("- pong: beat", "- pong: { payload: beat, on: default }"),
        ("- close", "- close: { code: 1000, reason: \"\" }"),
        ("- close: 1001", "- close: { code: 1001 }"),
        ("- disconnect", "- disconnect: { on: default }"),
        ("- expect_message: hello", "- expect_message: { text: hello, ordered: false, within: 5s }"),
        ("- expect_pong: beat", "- expect_pong: { payload: beat }"),
        ("- expect_pong", "- expect_pong: {}"),
        ("- expect_close", "- expect_close: {}"),
        ("- expect_close: 1000", "- expect_close: { code: [1000] }"),
        ("- expect_close: [1000, 1001]", "- expect_close: { code: [1000, 1001] }"),
        ("- expect_close: 1006", "- expect_close: { code: 1006 }"),
        ("- expect_error: refused", "- expect_error: { kind: refused }"),
        ("- expect_silence: 500ms", "- expect_silence: { for: 0.5 }"),
        ("- wait: 1.5s", "- wait: 1500ms"),
        ("- wait: 2", "- wait: 2s"),
        ("- include: ../valid/common/login.yaml", "- include: { file: ../valid/common/login.yaml }"),
    ]

    @Test(arguments: 0..<pairs.count)
    func shortFormEqualsLongForm(index: Int) throws {
        let (short, long) = Self.pairs[index]
        let file = Fixtures.path("invalid/virtual.yaml")
        func compile(_ step: String) throws -> String {
            let handshake = step.contains("expect_handshake") ? "" : "  - expect_handshake: 101\n"
            let yaml = "name: t\nsteps:\n  - connect: ws://127.0.0.1:9001/\n\(handshake)  \(step)\n"
            let suite = ScenarioLoader().load(yaml: yaml, file: file)
            #expect(suite.errors.map(\.header) == [], "\(step)")
            let scenario = try #require(suite.scenarios.first)
            return PlanDump.dump(scenario.steps.last!)
        }
        #expect(try compile(short) == compile(long))
    }

    @Test func withinDefaultsToScenarioTimeout() throws {
        let suite = load("name: t\ntimeout: 2s\nsteps:\n  - connect: ws://h/\n  - expect_message: hi\n  - close\n")
        let steps = try #require(suite.scenarios.first).steps
        guard case .connect(let connect) = steps[0].kind, case .expectMessage(let expect) = steps[1].kind,
            case .close(let close) = steps[2].kind
        else { Issue.record("unexpected kinds"); return }
        #expect(connect.timeout == .seconds(2))
        #expect(expect.within == .seconds(2))
        #expect(close.within == .seconds(2))
    }
}
