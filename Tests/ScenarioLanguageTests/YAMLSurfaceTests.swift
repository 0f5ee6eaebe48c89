import Foundation
import Testing

@testable import ScenarioLanguage

/// QA round 2: byte order marks, line endings, tabs, flow-style hints, merge keys, explicit tags, key interpolation.
@Suite struct YAMLSurfaceTests {
    static func lookup(_ reference: TemplateReference) -> JSONValue {
        if case .variable(let name) = reference { return .string(name == "k" ? "kk" : "?") }
        return .null
    }

    func sentJSON(_ yaml: String) throws -> JSONValue {
        let suite = load(yaml)
        #expect(errorHeaders(suite) == [])
        let send = try #require(
            suite.scenarios.first?.steps.compactMap { step -> JSONTemplate? in
                if case .send(let send) = step.kind, case .json(let template) = send.payload { return template }
                return nil
            }.first)
        return send.render(using: Self.lookup(_:))
    }

    @Test func leadingByteOrderMarkIsSkippedAndColumnsStayRight() throws {
        let suite = load("\u{FEFF}name: bom\nsteps:\n  - connect: ws://127.0.0.1:9001/\n  - sned: x\n")
        #expect(suite.scenarios.isEmpty)
        #expect(errorHeaders(suite) == ["test.yaml:4:5: error: unknown step kind 'sned'; did you mean 'send'?"])
        let ok = load("\u{FEFF}name: bom\nsteps:\n  - connect: ws://127.0.0.1:9001/\n")
        #expect(errorHeaders(ok) == [])
        #expect(ok.scenarios.first?.name == "bom")
    }

    @Test(arguments: ["\r\n", "\r"])
    func snippetsWorkWithCRLFAndCRLineEndings(lineBreak: String) throws {
        let text = [
            "name: crlf", "steps:", "  - connect: ws://127.0.0.1:9001/", "  - expect_message: { text: hi, withn: 2s }",
            "",
        ]
        .joined(separator: lineBreak)
        let suite = load(text)
        let error = try #require(suite.errors.first)
        #expect(error.header.hasPrefix("test.yaml:4:33: error: unknown key 'withn'"))
        #expect(
            error.rendered.hasSuffix(
                "\n      - expect_message: { text: hi, withn: 2s }\n"
                    + String(repeating: " ", count: 36) + "^"))
    }

    @Test func duplicateKeysAreFoundInCRLFFiles() {
        let text = "name: d\r\nsteps:\r\n  - connect: ws://127.0.0.1:9001/\r\n  - send: { text: a, text: b }\r\n"
        let suite = load(text)
        #expect(suite.errors.map(\.message).contains { $0.hasPrefix("duplicate key 'text'") })
        #expect(suite.errors.allSatisfy { $0.sourceLine != nil })
    }

    @Test func tabIndentationIsExplained() throws {
        let suite = load("name: tab\nsteps:\n\t- connect: ws://127.0.0.1:9001/\n")
        #expect(
            errorHeaders(suite) == [
                "test.yaml:3:1: error: tabs are not allowed for indentation in YAML: use spaces"
            ])
        let nested = load("name: tab\nsteps:\n  - connect: ws://127.0.0.1:9001/\n  - send:\n  \ttext: x\n")
        #expect(nested.errors.first?.message == "tabs are not allowed for indentation in YAML: use spaces")
    }

    @Test func unquotedPlaceholderInFlowMappingGetsAHint() throws {
        let suite = load(scenario(steps: "  - send: { text: ${uuid} }"))
        let message = try #require(suite.errors.first?.message)
        #expect(message.hasPrefix("invalid YAML: did not find expected ',' or '}'"))
        #expect(message.hasSuffix("; quote values that contain ${...} inside { } or [ ] (e.g. \"${uuid}\")"))
        let other = load(scenario(steps: "  - send: { text: a b: c }"))
        #expect(other.errors.first.map { !$0.message.contains("quote values") } == true)
    }

    @Test func unknownStepKindWithoutNearMatchListsTheKinds() {
        let suite = load(scenario(steps: "  - bogus: 1"))
        #expect(
            suite.errors.first?.message
                == "unknown step kind 'bogus' (step kinds: \(StepKind.keywords.joined(separator: ", ")))")
    }

    @Test func mergeKeysMergeWithExplicitKeysWinning() throws {
        let value = try sentJSON(
            scenario(
                steps: """
                      - send: { json: { <<: [ { a: 1, b: 1 }, { a: 2, c: 2 } ], c: 3 } }
                    """))
        #expect(value.compactJSON == #"{"a":1,"b":1,"c":3}"#)
        let suite = load(
            """
            name: merge
            steps:
              - connect: { url: "ws://127.0.0.1:9001/", headers: &h { X-A: a } }
              - send: { <<: { text: merged }, fragments: 2 }
              - connect: { as: b, url: "ws://127.0.0.1:9001/", headers: { <<: *h, X-B: b } }
            """)
        #expect(errorHeaders(suite) == [])
        let kinds = try #require(suite.scenarios.first?.steps.map(\.kind))
        guard case .send(let send) = kinds[1], case .text(let text) = send.payload,
            case .connect(let connect) = kinds[2]
        else { Issue.record("unexpected steps \(kinds)"); return }
        #expect(text.source == "merged" && send.fragments == 2)
        #expect(connect.headers.map(\.name) == ["X-A", "X-B"])
    }

    @Test func explicitStandardTagsAreHonoured() throws {
        let value = try sentJSON(
            scenario(
                steps: """
                      - send: { json: { s: !!str 123, i: !!int "7", f: !!float 2, b: !!bool "true", n: !!null "", h: !!int 0x1F, q: !!str true, m: !!map { a: !!seq [1] } } }
                    """))
        #expect(
            value.compactJSON == #"{"s":"123","i":7,"f":2.0,"b":true,"n":null,"h":31,"q":"true","m":{"a":[1]}}"#
                || value.compactJSON == #"{"s":"123","i":7,"f":2,"b":true,"n":null,"h":31,"q":"true","m":{"a":[1]}}"#)
        if case .object(let object) = value {
            #expect(object["s"] == .string("123"))
            #expect(object["i"].map { if case .integer(7) = $0 { true } else { false } } == true)
            #expect(object["f"].map { if case .number(2) = $0 { true } else { false } } == true)
        }
    }

    @Test func valuesThatDoNotFitTheirTagAreErrors() {
        let suite = load(
            scenario(
                steps: """
                      - send: { json: { i: !!int "x7", b: !!bool maybe, n: !!null 0, m: !!map 1, s: !!seq { a: 1 } } }
                      - expect_message: { json: { f: !!float abc } }
                      - set: { v: !!int 1.5 }
                    """))
        #expect(
            errorHeaders(suite) == [
                "test.yaml:5:24: error: 'x7' is not an integer (!!int) in json",
                "test.yaml:5:39: error: 'maybe' is not true or false (!!bool) in json",
                "test.yaml:5:56: error: '0' is not null (!!null takes null, ~ or nothing) in json",
                "test.yaml:5:69: error: !!map needs a mapping; found a scalar in json",
                "test.yaml:5:81: error: !!seq does not fit a mapping in json",
                "test.yaml:6:34: error: 'abc' is not a finite number (!!float) in json",
                "test.yaml:7:15: error: '1.5' is not an integer (!!int) in set 'v'",
            ])
    }

    @Test func jsonPayloadKeysAreInterpolated() throws {
        let value = try sentJSON(
            scenario(
                steps: #"  - send: { json: { "${k}": 1, "x-${k}": { "${k}${k}": true }, "$${k}": 2 } }"#,
                vars: "vars: { k: v }"))
        #expect(value.compactJSON == #"{"kk":1,"x-kk":{"kkkk":true},"${k}":2}"#)
    }

    @Test func matcherKeysAreInterpolated() throws {
        let suite = load(scenario(steps: #"  - expect_message: { json: { "${k}": 1 } }"#, vars: "vars: { k: v }"))
        #expect(errorHeaders(suite) == [])
        let step = try #require(suite.scenarios.first?.steps.last)
        guard case .expectMessage(let expect) = step.kind, case .json(.object(let members)) = expect.matcher else {
            Issue.record("not a json matcher: \(step.kind)")
            return
        }
        #expect(members.map { $0.renderKey(using: Self.lookup(_:)) } == ["kk"])
    }

    @Test func headerNamesAreInterpolated() throws {
        let suite = load(
            """
            name: h
            vars: { k: v }
            steps:
              - connect: { url: "ws://127.0.0.1:9001/", headers: { "X-${k}": "${k}" } }
            """)
        #expect(errorHeaders(suite) == [])
        guard case .connect(let connect) = suite.scenarios.first?.steps.first?.kind else {
            Issue.record("no connect step")
            return
        }
        let lookup: (TemplateReference) -> String = { _ in "kk" }
        #expect(connect.headers.map { $0.nameTemplate.render(using: lookup) } == ["X-kk"])
    }

    @Test func undefinedVariablesInKeysAreReported() {
        let suite = load(
            scenario(
                steps: """
                      - send: { json: { "${nope}": 1 } }
                      - expect_message: { json: { "a-${nope2}": 1 } }
                    """) + "\n  - connect: { as: b, url: \"ws://127.0.0.1:9001/\", headers: { \"X-${nope3}\": v } }\n")
        #expect(
            suite.errors.map(\.message).map { String($0.prefix(26)) } == [
                "undefined variable 'nope':", "undefined variable 'nope2'", "undefined variable 'nope3'",
            ])
    }
}

/// A file on disk that combines a byte order mark, CRLF line endings, merge keys, tags and key interpolation.
@Suite struct SurfaceFixtureTests {
    @Test func combinedFileLoadsWithoutErrors() throws {
        let suite = ScenarioLoader().load(paths: [Fixtures.path("surface/bom-crlf-merge-tags.yaml")])
        #expect(suite.diagnostics.map(\.header) == [])
        let scenario = try #require(suite.scenarios.first)
        #expect(scenario.name == "byte order mark, CRLF, merge keys and explicit tags")
        guard case .connect(let second) = scenario.steps[1].kind, case .send(let send) = scenario.steps[2].kind,
            case .json(let json) = send.payload
        else { Issue.record("unexpected steps"); return }
        #expect(second.headers.map(\.name) == ["X-Trace", "X-${k}"])
        let rendered = json.render { _ in .string("key") }
        #expect(rendered.compactJSON == #"{"key":7,"s":"123"}"#)
        #expect(scenario.steps[2].location.line == 7 && scenario.steps[2].location.column == 5)
    }
}

/// Explicit tags in `--vars` files and in typed arguments.
@Suite struct StandardTagArgumentTests {
    @Test func varsFilesHonourTagsAndReportMismatches() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wscenario-tags-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.vars.yaml").path
        let bad = directory.appendingPathComponent("bad.vars.yaml").path
        try "\u{FEFF}port: !!str 8080\r\ncount: !!int \"3\"\r\n".write(toFile: good, atomically: true, encoding: .utf8)
        try "count: !!int three\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let variables = try CommandLineVariables.load(file: good)
        #expect(variables["port"] == .string("8080"))
        #expect(variables["count"] == .integer(3))
        #expect(throws: VariableInputError.self) { try CommandLineVariables.load(file: bad) }
    }

    @Test func taggedScalarsCountForWholeNumbersAndBools() {
        let suite = load(
            scenario(
                steps: """
                      - repeat: { times: !!int "2", steps: [ { send: x } ] }
                      - send_frame: { opcode: 1, fin: !!bool "true", payload: { text: x } }
                    """))
        #expect(errorHeaders(suite) == [])
    }
}
