import Foundation
import TestSupport
import Testing

@testable import ScenarioLanguage

/// Include cycles are reported, and files given on the command line are never silently dropped as fragments.
@Suite struct IncludeGraphTests {
    /// Writes `files` (name → text) into a fresh directory and returns it.
    func directory(_ files: [String: String]) throws -> URL {
        let directory = try TestPaths.makeTemporaryDirectory("wscenario-include")
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return directory
    }

    static let selfInclude = ["cyc.yaml": "name: cyc\nsteps:\n  - include: cyc.yaml\n"]
    static let mutual = [
        "a.yaml": "name: a\nsteps:\n  - include: b.yaml\n",
        "b.yaml": "name: b\nsteps:\n  - include: a.yaml\n",
    ]

    @Test func aFileIncludingItselfIsReportedNotDropped() throws {
        let root = try directory(Self.selfInclude)
        defer { try? FileManager.default.removeItem(at: root) }
        for path in [root.appendingPathComponent("cyc.yaml").path, root.path] {
            let suite = ScenarioLoader().load(paths: [path])
            #expect(suite.files.count == 1, "\(path)")
            #expect(
                suite.errors.map(\.message) == [
                    "include cycle: cyc.yaml → cyc.yaml; remove one of these includes"
                ])
            #expect(suite.errors.first?.location?.line == 3)
        }
    }

    @Test func twoFilesIncludingEachOtherAreBothReported() throws {
        let root = try directory(Self.mutual)
        defer { try? FileManager.default.removeItem(at: root) }
        let explicit = ["a.yaml", "b.yaml"].map { root.appendingPathComponent($0).path }
        for paths in [[root.path], explicit] {
            let suite = ScenarioLoader().load(paths: paths)
            #expect(suite.files.map { ($0.path as NSString).lastPathComponent } == ["a.yaml", "b.yaml"])
            #expect(
                Set(suite.errors.map(\.message)) == [
                    "include cycle: a.yaml → b.yaml → a.yaml; remove one of these includes",
                    "include cycle: b.yaml → a.yaml → b.yaml; remove one of these includes",
                ])
        }
    }

    @Test func aCycleBelowAScenarioIsReportedByTheScenario() throws {
        let root = try directory(
            Self.mutual.merging([
                "main.yaml": "name: main\nsteps:\n  - connect: ws://127.0.0.1:9001/\n  - include: a.yaml\n"
            ]) { $1 })
        defer { try? FileManager.default.removeItem(at: root) }
        let suite = ScenarioLoader().load(paths: [root.path])
        // a.yaml and b.yaml are fragments of main.yaml; the cycle is reported once, where it closes.
        #expect(suite.files.map { ($0.path as NSString).lastPathComponent } == ["main.yaml"])
        #expect(
            suite.errors.map(\.header) == [
                root.appendingPathComponent("b.yaml").path
                    + ":3:14: error: include cycle: a.yaml → b.yaml → a.yaml; remove one of these includes"
            ])
    }

    static let mainAndFragment = [
        "main.yaml": "name: main\nsteps:\n  - connect: ws://127.0.0.1:9001/\n  - include: part.yaml\n",
        "part.yaml": "steps:\n  - send: \"${who}\"\n",
    ]

    @Test func aFragmentFoundInADirectoryIsSilentlyAFragment() throws {
        let root = try directory(Self.mainAndFragment)
        defer { try? FileManager.default.removeItem(at: root) }
        let suite = ScenarioLoader().load(paths: [root.path], variables: ["who": .string("x")])
        #expect(suite.files.map { ($0.path as NSString).lastPathComponent } == ["main.yaml"])
        #expect(suite.diagnostics.map(\.header) == [])
    }

    @Test func aFragmentNamedOnTheCommandLineIsNotSilentlyDropped() throws {
        let root = try directory(Self.mainAndFragment)
        defer { try? FileManager.default.removeItem(at: root) }
        let main = root.appendingPathComponent("main.yaml").path
        let part = root.appendingPathComponent("part.yaml").path
        let suite = ScenarioLoader().load(paths: [main, part])
        #expect(suite.files.map(\.path) == [main])
        // Its error is reported (through the file that includes it), and a warning says why it is not run.
        #expect(
            suite.diagnostics.map(\.header) == [
                part + ":2:11: error: undefined variable 'who': define it under vars:, set it with set: or a capture "
                    + "before this step, or pass --var who=VALUE (included from \(main):4:14)",
                part
                    + ":1:1: warning: this file is included by \(main): it is checked as part of that file and not run "
                    + "on its own",
            ])
    }

    @Test func checkReportsTheCycleOnTheCommandLine() throws {
        let root = try directory(Self.selfInclude)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ProcessRunner.run(
            TestPaths.wscenarioBinary, ["check", "cyc.yaml"], currentDirectory: root.path, timeout: 60)
        #expect(result.exitCode == 2)
        #expect(result.standardOutput == "1 scenario in 1 file, 1 invalid: 1 error\n")
        #expect(
            result.standardError.hasPrefix(
                "cyc.yaml:3:14: error: include cycle: cyc.yaml → cyc.yaml; remove one of these includes\n"))
    }
}
