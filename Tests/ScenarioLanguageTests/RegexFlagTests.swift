import Testing

@testable import ScenarioLanguage

/// Slash-delimited matcher values take trailing flags: `/^websocket$/i`.
@Suite struct RegexFlagTests {
    func matcher(_ value: String) -> StringMatcher? {
        let yaml = "name: t\nsteps:\n  - connect: ws://h/\n  - expect_close: { reason: '\(value)' }\n"
        guard case .expectClose(let step)? = load(yaml).scenarios.first?.steps.last?.kind else { return nil }
        return step.reason
    }

    func compiled(_ value: String) -> CompiledRegex? {
        guard case .regex(let regex)? = matcher(value) else { return nil }
        return regex
    }

    @Test func slashFormSplitsPatternAndFlags() {
        #expect(CompiledRegex.slashForm("/^a$/i")! == ("^a$", "i"))
        #expect(CompiledRegex.slashForm("/a/b/msx")! == ("a/b", "msx"))
        #expect(CompiledRegex.slashForm("/bye/")! == ("bye", ""))
        #expect(CompiledRegex.slashForm("//")! == ("", ""))
        #expect(CompiledRegex.slashForm("/bye/g") == nil)  // unknown flag: plain text
        #expect(CompiledRegex.slashForm("/bye/ii") == nil)  // repeated flag: plain text
        #expect(CompiledRegex.slashForm("/api/v1") == nil)
        #expect(CompiledRegex.slashForm("/") == nil)
        #expect(CompiledRegex.slashForm("bye/i") == nil)
    }

    @Test func ignoreCase() throws {
        let regex = try #require(compiled("/^websocket$/i"))
        #expect(regex.matches("WebSocket"))
        #expect(!regex.matches("websockets"))
        #expect(regex.flags == "i")
        #expect(regex.pattern == "^websocket$")
        #expect(regex.description == "/^websocket$/i")
        let caseSensitive = try #require(compiled("/^websocket$/"))
        #expect(!caseSensitive.matches("WebSocket"))
    }

    @Test func multilineDotAllAndExtended() throws {
        #expect(try #require(compiled("/^b$/m")).matches("a\nb\nc"))
        #expect(!(try #require(compiled("/^b$/")).matches("a\nb\nc")))
        #expect(try #require(compiled("/a.b/s")).matches("a\nb"))
        #expect(!(try #require(compiled("/a.b/")).matches("a\nb")))
        #expect(try #require(compiled("/a b # comment/x")).matches("ab"))
        #expect(try #require(compiled("/A.B/is")).matches("a\nb"))
    }

    @Test func textThatOnlyLooksLikeASlashFormStaysExact() {
        guard case .exact(let template)? = matcher("/bye/g") else {
            Issue.record("not exact")
            return
        }
        #expect(template.literalValue == "/bye/g")
    }

    @Test func flagsWorkInEveryStringMatcher() throws {
        let yaml = """
            name: t
            steps:
              - connect: ws://h/
              - expect_handshake: { headers: { Upgrade: /^websocket$/i } }
              - connect: { as: b, url: ws://h/ }
              - expect_error:
                  { on: b, kind: handshake, headers: { Server: /NGINX/i }, body: /FORBIDDEN/i, message: /X/i }
            """
        let suite = load(yaml)
        #expect(suite.errors.map(\.header) == [])
        let steps = try #require(suite.scenarios.first).steps
        guard case .expectHandshake(let handshake) = steps[1].kind, case .expectError(let error) = steps[3].kind,
            case .regex(let upgrade) = handshake.headers[0].value, case .regex(let server) = error.headers[0].value,
            case .regex(let body)? = error.body, case .regex(let message)? = error.message
        else {
            Issue.record("not regexes")
            return
        }
        #expect(upgrade.matches("WebSocket"))
        #expect(server.matches("nginx/1.25"))
        #expect(body.matches("forbidden"))
        #expect(message.matches("x"))
    }

    @Test func unknownFlagIsRejectedByTheInitializer() {
        #expect(throws: (any Error).self) { try CompiledRegex("a", flags: "g") }
    }
}
