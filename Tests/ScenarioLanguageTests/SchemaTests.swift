import Foundation
import TestSupport
import Testing

@testable import ScenarioLanguage

@Suite struct SchemaTests {
    static var committedPath: String {
        TestPaths.repositoryRoot.appendingPathComponent("schemas/scenario.schema.json").path
    }

    @Test func printedSchemaEqualsCommittedFile() throws {
        let committed = try String(contentsOfFile: Self.committedPath, encoding: .utf8)
        #expect(ScenarioSchema.text == committed, "run: wscenario schema > schemas/scenario.schema.json")
    }

    @Test func everyPropertyHasADescription() {
        var missing: [String] = []
        func visit(_ value: JSONValue, path: String) {
            switch value {
            case .object(let object):
                if case .object(let properties)? = object["properties"] {
                    for member in properties.members {
                        if case .object(let property) = member.value, property["description"] == nil {
                            missing.append(path + "/" + member.key)
                        }
                    }
                }
                for member in object.members { visit(member.value, path: path + "/" + member.key) }
            case .array(let items):
                for (index, item) in items.enumerated() { visit(item, path: path + "/\(index)") }
            default: break
            }
        }
        visit(ScenarioSchema.document, path: "#")
        #expect(missing == [])
    }

    /// The peers' Python (`scripts/setup-peers`: has jsonschema and PyYAML), else `python3` from the PATH.
    static var python: (executable: String, arguments: [String]) {
        let peers = TestPaths.peersPython
        if FileManager.default.isExecutableFile(atPath: peers) { return (peers, []) }
        return ("/usr/bin/env", ["python3"])
    }

    @Test func schemaIsParseableJSON() throws {
        let parsed = try JSONValue(parsing: ScenarioSchema.text)
        guard case .object(let object) = parsed else { Issue.record("not an object"); return }
        #expect(object["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
    }

    /// Validates the valid fixtures with Python `jsonschema` (an independent validator), and checks that it
    /// rejects files the loader rejects for their shape.
    @Test func independentValidatorAcceptsValidAndRejectsInvalidFiles() throws {
        let (python, prefix) = Self.python
        let script = Fixtures.path("validate_schema.py")
        let valid = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("valid"))
            .filter { $0.hasSuffix(".yaml") }.map { Fixtures.path("valid/" + $0) }
        let accepted = try ProcessRunner.run(python, prefix + [script, Self.committedPath] + valid, timeout: 60)
        #expect(accepted.exitCode == 0, "\(python): \(accepted.standardOutput)\(accepted.standardError)")
        for name in ["unknown-top-level-key", "unknown-step-kind", "wrong-types", "empty-steps", "bad-durations"] {
            let rejected = try ProcessRunner.run(
                python, prefix + [script, Self.committedPath, Fixtures.path("invalid/\(name).yaml")], timeout: 60)
            #expect(rejected.exitCode == 1, "\(name): \(rejected.standardOutput)\(rejected.standardError)")
        }
    }
}
