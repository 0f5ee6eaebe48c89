import Foundation
import TestSupport
import Testing

@testable import ScenarioLanguage

/// `wscenario check`, `list` and `schema`, run as the built binary.
@Suite struct CommandLineTests {
    func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(TestPaths.wscenarioBinary, arguments, timeout: 60)
    }

    @Test func checkOfValidFilesExitsZeroWithSummary() throws {
        let result = try run(["check", Fixtures.path("valid")])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput == "6 scenarios in 4 files: ok\n")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
    }

    @Test func checkOfInvalidFileExitsTwoWithEveryError() throws {
        let path = Fixtures.path("invalid/wrong-types.yaml")
        let result = try run(["check", path])
        #expect(result.exitCode == 2)
        #expect(result.standardOutput == "1 scenario in 1 file, 1 invalid: 6 errors\n")
        #expect(result.standardError.contains("\(path):6:34: error: fragments must be a whole number; found 'many'\n"))
        #expect(result.standardError.components(separatedBy: ": error: ").count == 7)
    }

    /// The summary counts every scenario of the files, the invalid ones too, and says how many are invalid.
    @Test func checkCountsInvalidScenariosInTheSummary() throws {
        let directory = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("three.yaml")
        let yaml = """
            name: one
            steps: [{ connect: "ws://127.0.0.1:1/" }]
            ---
            name: two
            steps: [{ connect: "ws://127.0.0.1:1/", bogus: 1 }]
            ---
            name: three
            steps: [{ connect: "ws://127.0.0.1:1/" }]
            """
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let result = try run(["check", file.path])
        #expect(result.exitCode == 2)
        #expect(result.standardOutput == "3 scenarios in 1 file, 1 invalid: 1 error\n", "\(result.standardError)")
    }

    @Test func checkCountsCommandLineVariablesAsDefined() throws {
        let directory = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("s.yaml")
        try "name: s\nsteps:\n  - connect: ${host}/echo\n".write(to: file, atomically: true, encoding: .utf8)
        let undefined = try run(["check", file.path])
        #expect(undefined.exitCode == 2)
        #expect(undefined.standardError.contains("\(file.path):3:14: error: undefined variable 'host'"))
        let defined = try run(["check", "--var", "host=ws://127.0.0.1:1", file.path])
        #expect(defined.exitCode == 0, "\(defined.standardError)")
        let varsFile = directory.appendingPathComponent("ci.vars.yaml")
        try "host: ws://127.0.0.1:2\n".write(to: varsFile, atomically: true, encoding: .utf8)
        let fromFile = try run(["check", "--vars", varsFile.path, directory.path])
        #expect(fromFile.exitCode == 0, "\(fromFile.standardError)")
        #expect(fromFile.standardOutput == "1 scenario in 1 file: ok\n")
    }

    /// The contract's README-style scenario: `${server}` without `vars:` (run --serve or --var sets it).
    @Test func checkAndListAcceptTheServerVariableWithoutVars() throws {
        let directory = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("echo.yaml")
        try VariableScopeTests.readmeScenario.write(to: file, atomically: true, encoding: .utf8)
        let check = try run(["check", file.path])
        #expect(check.exitCode == 0, "\(check.standardError)")
        #expect(check.standardOutput == "1 scenario in 1 file: ok\n")
        #expect(check.standardError == "")
        let list = try run(["list", file.path])
        #expect(list.exitCode == 0, "\(list.standardError)")
        #expect(list.standardOutput == "\(file.path)\techo\t\n")
    }

    @Test func listNeedsNoVariablesButStillReportsSyntaxErrors() throws {
        let directory = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("a.yaml")
        try (VariableScopeTests.twoScenarios + "\n  - send: \"${other}\"\n").write(
            to: good, atomically: true, encoding: .utf8)
        let list = try run(["list", good.path])
        #expect(list.exitCode == 0, "\(list.standardError)")
        #expect(list.standardError == "")
        #expect(list.standardOutput == "\(good.path)\tsmoke\tsmoke\n\(good.path)\tneeds a token\tauth\n")
        let check = try run(["check", good.path])
        #expect(check.exitCode == 2)
        #expect(check.standardOutput == "2 scenarios in 1 file, 1 invalid: 2 errors\n")
        let broken = directory.appendingPathComponent("b.yaml")
        try "name: [unclosed\n".write(to: broken, atomically: true, encoding: .utf8)
        let withBroken = try run(["list", directory.path])
        #expect(withBroken.exitCode == 2)
        #expect(withBroken.standardError.hasPrefix("\(broken.path):"))
        #expect(withBroken.standardOutput.split(separator: "\n").count == 2)
    }

    @Test func checkOfMissingPathExitsTwo() throws {
        let result = try run(["check", "/nonexistent/wscenario"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("error: no such file or directory: /nonexistent/wscenario"))
    }

    @Test func checkWithoutScenariosExitsTwo() throws {
        let directory = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let none = try run(["check", directory.path])
        #expect(none.exitCode == 2)
        #expect(none.standardOutput == "0 scenarios in 0 files: no scenario files found\n")
        try "# empty\n".write(to: directory.appendingPathComponent("e.yaml"), atomically: true, encoding: .utf8)
        let empty = try run(["check", directory.path])
        #expect(empty.exitCode == 2)
        #expect(empty.standardOutput == "0 scenarios in 1 file: no scenarios found, 1 warning\n")
    }

    @Test func listPrintsOneLinePerScenarioAndFiltersByTag() throws {
        let all = try run(["list", Fixtures.path("valid")])
        #expect(all.exitCode == 0)
        let lines = all.standardOutput.split(separator: "\n")
        #expect(lines.count == 6)
        let topLevel = Fixtures.path("valid/contract-top-level.yaml")
        #expect(lines.last == "\(topLevel)\tchat broadcast reaches every member\tchat,smoke")
        let tagged = try run(["list", "--tag", "nope", "--tag", "smoke", Fixtures.path("valid")])
        #expect(tagged.standardOutput == "\(topLevel)\tchat broadcast reaches every member\tchat,smoke\n")
    }

    @Test func listAsJSON() throws {
        let result = try run(["list", "--json", "--tag", "chat", Fixtures.path("valid")])
        #expect(result.exitCode == 0)
        let value = try JSONValue(parsing: result.standardOutput)
        guard case .array(let items) = value, case .object(let item)? = items.first else {
            Issue.record("not an array of objects: \(result.standardOutput)")
            return
        }
        #expect(items.count == 1)
        #expect(item["name"] == .string("chat broadcast reaches every member"))
        #expect(item["tags"] == .array(["chat", "smoke"]))
        #expect(item["line"] == .integer(2))
    }

    @Test func schemaCommandPrintsTheCommittedSchema() throws {
        let result = try run(["schema"])
        #expect(result.exitCode == 0)
        let committed = try String(contentsOfFile: SchemaTests.committedPath, encoding: .utf8)
        #expect(result.standardOutput == committed)
    }
}
