import Foundation
import TestSupport
import Testing

@testable import ScenarioLanguage

@Suite struct LoaderTests {
    @Test func compilesTheContractExamplesIntoAPlan() throws {
        let suite = ScenarioLoader().load(paths: [Fixtures.path("valid/contract-connect.yaml")])
        #expect(suite.errors.map(\.header) == [])
        let scenario = try #require(suite.scenarios.first)
        #expect(scenario.name == "alice and bob chat")
        guard case .connect(let connect) = scenario.steps[0].kind else { Issue.record("not connect"); return }
        #expect(connect.connection == "alice")
        #expect(connect.subprotocols == ["chat.v2", "chat.v1"])
        #expect(connect.timeout == .seconds(3))
        #expect(connect.followUp == .expectHandshake)
        let tls = try connect.tls?.resolved { _ in .null }
        #expect(tls?.serverName == "example.com")
        #expect(tls?.caFile?.hasSuffix("Fixtures/valid/certs/ca.pem") == true)
        #expect(connect.headers.first?.name == "Authorization")
        guard case .expectHandshake(let handshake) = scenario.steps[1].kind else {
            Issue.record("no handshake"); return
        }
        #expect(handshake.subprotocol == .some("chat.v2"))
        guard case .regex(let regex) = handshake.headers[1].value else { Issue.record("not a regex"); return }
        #expect(regex.matches("gw-12"))
        guard case .send(let send) = scenario.steps[4].kind, case .json(let json) = send.payload else {
            Issue.record("not a json send")
            return
        }
        let rendered = json.render { reference in reference == .variable("count") ? .integer(3) : .null }
        #expect(rendered.compactJSON == #"{"type":"say","text":"hi","n":3}"#)
        #expect(scenario.steps[4].location.line == 26)
    }

    @Test func topLevelKeys() throws {
        let suite = ScenarioLoader().load(paths: [Fixtures.path("valid/contract-top-level.yaml")])
        let scenario = try #require(suite.scenarios.first)
        #expect(scenario.tags == ["chat", "smoke"])
        #expect(scenario.secrets == ["token"])
        #expect(scenario.inbox == .warn)
        #expect(scenario.timeout == .seconds(5))
        #expect(scenario.vars.map(\.name) == ["server", "room", "token"])
        #expect(scenario.ignore.count == 1)
        #expect(scenario.steps[4].name == "greet the room")
        #expect(scenario.steps.last?.kind.keyword == "close")
    }

    @Test func commandLineVariablesOverrideAndDefine() throws {
        let yaml = "name: t\nvars: { server: ws://a/, n: 1 }\nsteps:\n  - connect: ${server}\n  - send: ${extra}\n"
        let suite = load(yaml, variables: ["server": .string("ws://b/"), "extra": .string("x")])
        #expect(suite.errors.map(\.header) == [])
        let scenario = try #require(suite.scenarios.first)
        // Undeclared command-line variables first, so that `vars:` entries can use them.
        #expect(scenario.vars.map(\.name) == ["extra", "server", "n"])
        #expect(scenario.vars[1].value.literalValue == .string("ws://b/"))
        #expect(scenario.vars[2].value.literalValue == .integer(1))
    }

    @Test func yamlScalarsStayStringsUnlessPlainJSON() throws {
        let yaml = """
            name: t
            steps:
              - connect: ws://h/
              - send: { json: { a: 08, b: "1", c: 1:30, d: yes, e: 1.5, f: true, g: ~, h: -3 } }
            """
        let step = try #require(load(yaml).scenarios.first?.steps.last)
        guard case .send(let send) = step.kind, case .json(let json) = send.payload else {
            Issue.record("no json"); return
        }
        #expect(
            json.literalValue?.compactJSON
                == #"{"a":"08","b":"1","c":"1:30","d":"yes","e":1.5,"f":true,"g":null,"h":-3}"#)
    }

    @Test func matcherTagsCompile() throws {
        let yaml = """
            name: t
            steps:
              - connect: ws://h/
              - expect_message:
                  jsonpath: { "$.id": !type string, "$.gone": !absent, "$.n": !any, "$.s": !regex "^a" }
            """
        let step = try #require(load(yaml).scenarios.first?.steps.last)
        guard case .expectMessage(let expect) = step.kind, case .jsonPath(let entries) = expect.matcher else {
            Issue.record("no jsonpath matcher")
            return
        }
        #expect(entries.count == 4)
        guard case .type(.string) = entries[0].pattern, case .absent = entries[1].pattern,
            case .any = entries[2].pattern,
            case .regex(let regex) = entries[3].pattern
        else { Issue.record("wrong patterns"); return }
        #expect(regex.matches("abc"))
    }

    @Test func multiDocumentFilesAndNestedRepeat() throws {
        let yaml = """
            name: one
            steps: [ { connect: "ws://h/" }, { repeat: { times: 2, steps: [ { send: "n ${iteration}" } ] } } ]
            ---
            name: two
            tags: [smoke]
            steps: [ { connect: "ws://h/" } ]
            """
        let suite = load(yaml)
        #expect(suite.scenarios.map(\.name) == ["one", "two"])
        #expect(suite.scenarios.map(\.documentIndex) == [0, 1])
        guard case .repeat(let loop) = suite.scenarios[0].steps[1].kind else { Issue.record("no repeat"); return }
        #expect(loop.times == 2)
        #expect(loop.steps.count == 1)
    }

    @Test func includeInlinesStepsWithVars() throws {
        let suite = ScenarioLoader().load(paths: [Fixtures.path("valid/contract-misc.yaml")])
        let flow = try #require(suite.scenarios.first { $0.name == "flow" })
        guard case .include(let include) = flow.steps[6].kind else { Issue.record("no include"); return }
        #expect(include.vars.map(\.name) == ["user"])
        #expect(include.vars[0].value.literalValue == .string("alice"))
        #expect(include.steps.count == 2)
        #expect(include.steps[0].location.file.hasSuffix("common/login.yaml"))
    }

    @Test func aBareExpectSilenceWaitsTheScenarioTimeout() throws {
        let suite = load("name: s\ntimeout: 300ms\nsteps:\n  - connect: ws://h/\n  - expect_silence\n")
        #expect(suite.errors.map(\.header) == [])
        let step = try #require(suite.scenarios.first?.steps.last)
        guard case .expectSilence(let silence) = step.kind else {
            Issue.record("not expect_silence: \(step.kind)")
            return
        }
        #expect(silence.duration == .milliseconds(300))
    }

    @Test func commandLineVariablesOverrideIncludedDefaults() throws {
        let root = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try "vars: { user: guest, room: lobby }\nsteps:\n  - send: \"${user} ${room}\"\n"
            .write(to: root.appendingPathComponent("part.yaml"), atomically: true, encoding: .utf8)
        try "name: s\nsteps:\n  - connect: ws://h/\n  - include: part.yaml\n"
            .write(to: root.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let suite = ScenarioLoader().load(paths: [root.path], variables: ["user": .string("carol")])
        #expect(suite.errors.map(\.header) == [])
        #expect(suite.files.count == 1)
        let scenario = try #require(suite.scenarios.first)
        guard case .include(let include) = scenario.steps[1].kind else { Issue.record("no include"); return }
        #expect(include.vars.isEmpty && include.defaults.map(\.name) == ["room"])
        #expect(scenario.vars.map(\.name) == ["user"])
    }

    @Test func directoriesAreSearchedRecursivelySkippingVarsAndDotFiles() throws {
        let root = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let valid = "name: n\nsteps: [ { connect: \"ws://h/\" } ]\n"
        let files = ["b.yaml", "a/c.yml", "a/x.vars.yaml", ".hidden.yaml", ".git/d.yaml", "notes.txt", "z/e.yaml"]
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try valid.write(to: url, atomically: true, encoding: .utf8)
        }
        let suite = ScenarioLoader().load(paths: [root.path])
        #expect(
            suite.files.map { String($0.path.dropFirst(root.path.count + 1)) } == ["a/c.yml", "b.yaml", "z/e.yaml"])
    }

    @Test func missingPathIsAnError() {
        let suite = ScenarioLoader().load(paths: ["/nonexistent/scenarios"])
        #expect(suite.errors.map(\.header) == ["error: no such file or directory: /nonexistent/scenarios"])
    }

    @Test func varsFileAndVarAssignments() throws {
        let root = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("ci.vars.yaml")
        try "server: ws://x/\ncount: 3\nflag: yes\n".write(to: file, atomically: true, encoding: .utf8)
        let values = try CommandLineVariables.parse(assignments: ["count=4", "e=a=b"], files: [file.path])
        #expect(values["server"] == .string("ws://x/"))
        #expect(values["count"] == .string("4"))
        #expect(values["flag"] == .string("yes"))
        #expect(values["e"] == .string("a=b"))
        #expect(throws: VariableInputError.self) { try CommandLineVariables.parse(assignments: ["novalue"], files: []) }
    }
}
