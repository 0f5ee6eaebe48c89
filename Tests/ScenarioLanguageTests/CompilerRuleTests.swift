import Testing

@testable import ScenarioLanguage

/// Rules that are easier to state in code than as fixture files.
@Suite struct CompilerRuleTests {
    @Test func connectKnowsWhatFollowsIt() throws {
        let yaml = """
            name: t
            steps:
              - connect: { as: a, url: "ws://h/" }
              - connect: { as: b, url: "ws://h/" }
              - connect: { as: c, url: "ws://h/" }
              - expect_error: { on: b, kind: refused }
              - expect_handshake: { on: a, status: 403 }
              - send: { on: c, text: hi }
            """
        let steps = try #require(load(yaml).scenarios.first).steps
        var followUps: [ConnectFollowUp] = []
        for step in steps { if case .connect(let connect) = step.kind { followUps.append(connect.followUp) } }
        #expect(followUps == [.expectHandshake, .expectError, .requireUpgrade])
    }

    @Test func connectSeesTheFirstStepInsideAnIncludeOrRepeat() throws {
        let yaml = """
            name: t
            steps:
              - connect: { as: a, url: "ws://h/" }
              - repeat: { times: 1, steps: [ { expect_error: { on: a, kind: refused } } ] }
              - connect: { as: b, url: "ws://h/" }
              - repeat: { times: 0, steps: [ { expect_error: { on: b, kind: refused } } ] }
              - send: { on: b, text: hi }
            """
        let steps = try #require(load(yaml).scenarios.first).steps
        var followUps: [ConnectFollowUp] = []
        for step in steps { if case .connect(let connect) = step.kind { followUps.append(connect.followUp) } }
        // A repeat that runs no iteration does not count.
        #expect(followUps == [.expectError, .requireUpgrade])
    }

    @Test func stepOnAnotherConnectionBetweenConnectAndHandshakeIsFine() {
        let yaml = """
            name: t
            steps:
              - connect: { as: a, url: "ws://h/" }
              - connect: { as: b, url: "ws://h/" }
              - expect_handshake: { on: a }
              - expect_handshake: { on: b }
            """
        #expect(errorHeaders(load(yaml)) == [])
    }

    @Test func stepsWithoutOnUseTheOnlyConnection() throws {
        let yaml = "name: t\nsteps:\n  - connect: { as: alice, url: \"ws://h/\" }\n  - expect_handshake\n  - send: hi\n"
        let suite = load(yaml)
        #expect(errorHeaders(suite) == [])
        let steps = try #require(suite.scenarios.first).steps
        #expect(steps.map(\.kind.connection) == ["alice", "alice", "alice"])
        #expect(steps.map(\.displayName) == ["connect on alice", "expect_handshake on alice", "send on alice"])
    }

    @Test func variablesFromSetAndCapturesAreDefinedAfterTheirStep() {
        let yaml = """
            name: t
            steps:
              - connect: ws://h/
              - send: ${greeting}
              - set: { greeting: hi, again: "${greeting}!" }
              - send: ${again}
              - expect_message: { text: x, capture_regex: { n: "(\\\\d+)" } }
              - send: ${n}
            """
        #expect(
            errorHeaders(load(yaml)) == [
                "test.yaml:4:11: error: undefined variable 'greeting': define it under vars:, set it with set: or a capture "
                    + "before this step, or pass --var greeting=VALUE"
            ])
    }

    @Test func iterationIsDefinedInsideRepeatAndIncludedSteps() {
        let yaml = """
            name: t
            steps:
              - connect: ws://h/
              - repeat: { times: 2, steps: [ { send: "${iteration}" }, { repeat: { times: 1, steps: [ wait: 1ms ] } } ] }
            """
        #expect(errorHeaders(load(yaml)) == [])
    }

    @Test func unknownArgumentKeySuggestsTheClosest() {
        let yaml = "name: t\nsteps:\n  - connect: { url: \"ws://h/\", subprotocol: [a] }\n"
        #expect(
            errorHeaders(load(yaml)) == [
                "test.yaml:3:32: error: unknown key 'subprotocol' in connect; did you mean 'subprotocols'? (allowed: as, url, "
                    + "headers, subprotocols, origin, extensions, timeout, tls)"
            ])
    }

    @Test func diagnosticRendersSnippetWithCaret() {
        let diagnostic = Diagnostic(
            .error, "bad", at: SourceLocation(file: "f.yaml", line: 2, column: 5), sourceLine: "  - sendd: x")
        #expect(diagnostic.rendered == "f.yaml:2:5: error: bad\n      - sendd: x\n        ^")
        #expect(Diagnostic(.warning, "w", at: nil).rendered == "warning: w")
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "sendd", in: StepKind.keywords) == "send")
        #expect(Suggestion.closest(to: "expect_msg", in: StepKind.keywords) == nil)
        #expect(Suggestion.closest(to: "expect_messagess", in: StepKind.keywords) == "expect_messages")
        #expect(Suggestion.closest(to: "zzz", in: StepKind.keywords) == nil)
        // Adjacent swaps cost 1 (optimal string alignment), so short words still get a suggestion.
        #expect(Suggestion.closest(to: "sned", in: StepKind.keywords) == "send")
        #expect(Suggestion.closest(to: "colse", in: StepKind.keywords) == "close")
        #expect(Suggestion.editDistance("sned", "send") == 1)
        #expect(Suggestion.editDistance("ab", "ba") == 1)
        #expect(Suggestion.editDistance("abc", "ca") == 3)  // OSA: no edits of a swapped pair
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }

    @Test func pathNormalisation() {
        #expect(PathNormalizer.lexical("a/./b/../c//d.yaml") == "a/c/d.yaml")
        #expect(PathNormalizer.lexical("../x/../y.yaml") == "../y.yaml")
        #expect(PathNormalizer.absolute("/a/b/../c") == "/a/c")
        #expect(PathNormalizer.withoutCurrentDirectoryComponents("./a.yaml") == "a.yaml")
        #expect(PathNormalizer.withoutCurrentDirectoryComponents(".//sub/./b.yaml") == "sub/b.yaml")
        #expect(PathNormalizer.withoutCurrentDirectoryComponents("/x/./y") == "/x/y")
        #expect(PathNormalizer.withoutCurrentDirectoryComponents("link/../b.yaml") == "link/../b.yaml")
        #expect(PathNormalizer.withoutCurrentDirectoryComponents(".") == ".")
    }

    @Test func closeWithoutCodeAndExpectCloseWithNoStatus() throws {
        let yaml =
            "name: t\nsteps:\n  - connect: ws://h/\n  - close: { code: null }\n  - connect: ws://h/\n"
            + "  - expect_close: 1005\n"
        let steps = try #require(load(yaml).scenarios.first).steps
        guard case .close(let close) = steps[1].kind, case .expectClose(let expect) = steps[3].kind else {
            Issue.record("wrong kinds")
            return
        }
        #expect(close.code == nil)
        #expect(expect.codes == [1005])
    }

    @Test func expectCloseAcceptsCodesThatAreNeverSent() throws {
        let yaml =
            "name: t\nsteps:\n  - connect: ws://h/\n  - expect_close: { code: 1006 }\n"
            + "  - connect: { as: b, url: ws://h/ }\n  - expect_close: { on: b, code: [1000, 1005, 1006] }\n"
        let suite = load(yaml)
        #expect(suite.errors.map(\.header) == [])
        let steps = try #require(suite.scenarios.first).steps
        guard case .expectClose(let first) = steps[1].kind, case .expectClose(let second) = steps[3].kind else {
            Issue.record("wrong kinds")
            return
        }
        #expect(first.codes == [1006])
        #expect(second.codes == [1000, 1005, 1006])
    }

    @Test func expectCloseShortFormTakesAListOfCodes() throws {
        let step = try #require(steps("name: t\nsteps:\n  - connect: ws://h/\n  - expect_close: [1000, 1001]\n").last)
        guard case .expectClose(let expect) = step.kind else {
            Issue.record("wrong kind")
            return
        }
        #expect(expect.codes == [1000, 1001])
        #expect(expect.connection == "default")
        #expect(expect.reason == nil)
    }

    @Test func sendFrameCloseMayCarryAnyCode() {
        // send_frame is raw: a close frame with code 1006 (0x03EE) is sent as written.
        let yaml = "name: t\nsteps:\n  - connect: ws://h/\n  - send_frame: { opcode: 8, payload: { hex: \"03ee\" } }\n"
        #expect(load(yaml).errors.map(\.header) == [])
    }

    @Test func sendFrameDefaults() throws {
        let yaml = "name: t\nsteps:\n  - connect: ws://h/\n  - send_frame: { opcode: 9, payload: { text: hi } }\n"
        let step = try #require(load(yaml).scenarios.first?.steps.last)
        guard case .sendFrame(let frame) = step.kind, case .text(let text) = frame.payload else {
            Issue.record("wrong kind")
            return
        }
        #expect(frame.opcode == 9 && frame.fin && frame.masked && frame.rsv == [false, false, false])
        #expect(frame.length == nil)
        #expect(text.literalValue == "hi")
    }
}
