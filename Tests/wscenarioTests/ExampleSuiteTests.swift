import Foundation
import TestSupport
import Testing

/// Keeps the example suite in `scenarios/` true: it validates, every scenario passes against the built-in
/// server, every file carries the editor modeline and validates against the committed JSON Schema, and
/// `scenarios/README.md` lists every file.
@Suite("Example suite")
struct ExampleSuiteTests {
    static let root = TestPaths.repositoryRoot
    static let scenariosDirectory = root.appendingPathComponent("scenarios")

    /// Every `.yaml` file under `scenarios/`, relative to it (`chat/chat-room.yaml`), sorted.
    static func yamlFiles() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: scenariosDirectory.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { files.append(path) }
        }
        return files.sorted()
    }

    static func wscenario(_ arguments: [String], timeout: Double = 120) throws -> ProcessResult {
        try ProcessRunner.run(
            TestPaths.wscenarioBinary, arguments, environment: ["NO_COLOR": "1"], currentDirectory: root.path,
            timeout: timeout)
    }

    /// A scenario as `wscenario list --json` shows it.
    struct ListedScenario {
        var file: String
        var name: String
        var tags: [String]
    }

    /// The scenarios `wscenario list` shows for `arguments`; the plain listing must have one line per scenario.
    static func listedScenarios(_ arguments: [String] = []) throws -> [ListedScenario] {
        let plain = try wscenario(["list", "scenarios"] + arguments, timeout: 60)
        #expect(plain.exitCode == 0, "wscenario list failed: \(plain.standardError)")
        let lines = plain.standardOutput.split(separator: "\n").filter { !$0.isEmpty }
        let result = try wscenario(["list", "--json", "scenarios"] + arguments, timeout: 60)
        #expect(result.exitCode == 0, "wscenario list --json failed: \(result.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        let items = json as? [[String: Any]] ?? []
        #expect(items.count == lines.count, "list --json shows \(items.count) scenarios, list \(lines.count) lines")
        return items.map {
            ListedScenario(
                file: $0["file"] as? String ?? "", name: $0["name"] as? String ?? "",
                tags: $0["tags"] as? [String] ?? [])
        }
    }

    @Test("wscenario check accepts the whole suite")
    func checkAcceptsTheSuite() throws {
        let result = try Self.wscenario(["check", "scenarios"], timeout: 60)
        #expect(result.exitCode == 0, "check failed:\n\(result.standardError)\(result.standardOutput)")
        #expect(result.standardOutput.contains(": ok"), "unexpected summary: \(result.standardOutput)")
        #expect(
            !result.standardError.contains("warning"), "the suite should have no warnings:\n\(result.standardError)")
    }

    @Test("every scenario passes against the built-in server and is in the JSON report")
    func suitePassesAgainstTheBuiltInServer() throws {
        let temporary = try TestPaths.makeTemporaryDirectory("example-suite")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let transcripts = temporary.appendingPathComponent("transcripts").path
        let reportPath = temporary.appendingPathComponent("r.json").path
        let result = try Self.wscenario([
            "run", "--serve", "scenarios", "--transcripts", transcripts, "--report", "json=\(reportPath)",
        ])
        #expect(result.exitCode == 0, "run failed:\n\(result.standardOutput)\n\(result.standardError)")

        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportPath)))
        let scenarios = try #require((report as? [String: Any])?["scenarios"] as? [[String: Any]])
        let summary = try #require((report as? [String: Any])?["summary"] as? [String: Any])
        for scenario in scenarios {
            let name = scenario["name"] as? String ?? "?"
            let file = scenario["file"] as? String ?? "?"
            #expect(scenario["status"] as? String == "passed", "\(file): \(name): \(scenario["failure"] ?? "")")
            #expect(scenario["warnings"] == nil, "\(file): \(name) warns: \(scenario["warnings"] ?? "")")
            let transcript = try #require(scenario["transcript"] as? String)
            #expect(FileManager.default.fileExists(atPath: transcript), "no transcript for \(name) at \(transcript)")
        }
        #expect(summary["failed"] as? Int == 0)
        let listed = try Self.listedScenarios()
        #expect(scenarios.count == listed.count, "report has \(scenarios.count) scenarios, list shows \(listed.count)")
        #expect(summary["passed"] as? Int == listed.count)
        #expect(listed.count >= 40, "the suite shrank to \(listed.count) scenarios")
    }

    @Test("the secret token never reaches transcripts or reports")
    func secretsAreRedacted() throws {
        let temporary = try TestPaths.makeTemporaryDirectory("example-secrets")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let transcripts = temporary.appendingPathComponent("transcripts")
        let reportPath = temporary.appendingPathComponent("r.json").path
        let junitPath = temporary.appendingPathComponent("junit.xml").path
        let result = try Self.wscenario([
            "run", "--serve", "scenarios/handshake/secrets.yaml", "--transcripts", transcripts.path,
            "--report", "json=\(reportPath)", "--report", "junit=\(junitPath)",
        ])
        #expect(result.exitCode == 0, "run failed:\n\(result.standardOutput)\n\(result.standardError)")
        var outputs = [result.standardOutput, result.standardError]
        outputs.append(try String(contentsOfFile: reportPath, encoding: .utf8))
        outputs.append(try String(contentsOfFile: junitPath, encoding: .utf8))
        let enumerator = FileManager.default.enumerator(atPath: transcripts.path)
        var transcriptFiles = 0
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".jsonl") || path.hasSuffix(".txt") else { continue }
            outputs.append(try String(contentsOf: transcripts.appendingPathComponent(path), encoding: .utf8))
            transcriptFiles += 1
        }
        #expect(transcriptFiles == 2, "expected one .jsonl and one .txt transcript, found \(transcriptFiles)")
        let transcriptText = outputs.dropFirst(4).joined()
        #expect(transcriptText.contains("hello with ***"), "the secret was not replaced by *** in the transcript")
        for output in outputs {
            #expect(!output.contains("secret-token"), "the secret leaked:\n\(output.prefix(2000))")
        }
    }

    @Test("--tag smoke runs exactly the scenarios tagged smoke")
    func smokeTagSelectsTaggedScenarios() throws {
        let temporary = try TestPaths.makeTemporaryDirectory("example-smoke")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let reportPath = temporary.appendingPathComponent("r.json").path
        let result = try Self.wscenario([
            "run", "--serve", "--tag", "smoke", "scenarios", "--transcripts", temporary.path,
            "--report", "json=\(reportPath)",
        ])
        #expect(result.exitCode == 0, "run failed:\n\(result.standardOutput)\n\(result.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportPath)))
        let scenarios = try #require((report as? [String: Any])?["scenarios"] as? [[String: Any]])
        let tagged = try Self.listedScenarios().filter { $0.tags.contains("smoke") }
        #expect(tagged.count >= 5, "expected several smoke scenarios, list shows \(tagged.count)")
        #expect(scenarios.count == tagged.count, "ran \(scenarios.count) scenarios, \(tagged.count) are tagged smoke")
    }

    /// docs/ci.md promises that `--shard I/N` slices partition the suite: every scenario runs in exactly one.
    @Test("--shard 1/3, 2/3 and 3/3 together run every scenario exactly once")
    func shardsPartitionTheSuite() throws {
        let temporary = try TestPaths.makeTemporaryDirectory("example-shards")
        defer { try? FileManager.default.removeItem(at: temporary) }
        var ran: [String] = []
        for index in 1...3 {
            let reportPath = temporary.appendingPathComponent("shard-\(index).json").path
            let result = try Self.wscenario([
                "run", "--serve", "--quiet", "--shard", "\(index)/3", "scenarios", "--transcripts", temporary.path,
                "--report", "json=\(reportPath)",
            ])
            #expect(result.exitCode == 0, "shard \(index)/3 failed:\n\(result.standardOutput)\n\(result.standardError)")
            let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportPath)))
            let scenarios = try #require((report as? [String: Any])?["scenarios"] as? [[String: Any]])
            #expect(!scenarios.isEmpty)
            ran += scenarios.map { "\($0["file"] as? String ?? "")::\($0["name"] as? String ?? "")" }
        }
        let listed = try Self.listedScenarios().map { "\($0.file)::\($0.name)" }
        #expect(ran.sorted() == listed.sorted())
    }

    @Test("every scenario file starts with the schema modeline")
    func everyFileHasTheModeline() throws {
        let files = try Self.yamlFiles()
        #expect(files.count >= 20)
        for file in files {
            let depth = file.split(separator: "/").count
            let prefix = String(repeating: "../", count: depth)
            let expected = "# yaml-language-server: $schema=\(prefix)schemas/scenario.schema.json"
            let text = try String(contentsOf: Self.scenariosDirectory.appendingPathComponent(file), encoding: .utf8)
            let firstLine = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
            #expect(firstLine == expected, "scenarios/\(file) must start with: \(expected)")
            let schema = Self.scenariosDirectory.appendingPathComponent(file).deletingLastPathComponent()
                .appendingPathComponent("\(prefix)schemas/scenario.schema.json").standardizedFileURL
            #expect(
                FileManager.default.fileExists(atPath: schema.path), "the modeline of \(file) points at \(schema.path)")
        }
    }

    @Test("every scenario file validates against schemas/scenario.schema.json (independent validator)")
    func everyFileValidatesAgainstTheSchema() throws {
        let schema = Self.root.appendingPathComponent("schemas/scenario.schema.json")
        try #require(FileManager.default.fileExists(atPath: schema.path), "schemas/scenario.schema.json is missing")
        let files = try Self.yamlFiles().map { Self.scenariosDirectory.appendingPathComponent($0).path }
        let result = try SchemaValidator.validate(files: files, schema: schema.path)
        #expect(result.exitCode == 0, "schema validation failed:\n\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("validated \(files.count) files"), "\(result.standardOutput)")
    }

    @Test("scenarios/README.md lists every file and is not taken for a scenario")
    func readmeListsEveryFile() throws {
        let readme = try String(
            contentsOf: Self.scenariosDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        for file in try Self.yamlFiles() {
            #expect(readme.contains("`\(file)`"), "scenarios/README.md does not mention `\(file)`")
        }
        let listed = try Self.listedScenarios()
        #expect(!listed.isEmpty)
        #expect(!listed.contains { $0.file.hasSuffix(".md") }, "README.md was taken for a scenario file")
        #expect(
            !listed.contains { $0.file.contains("scenarios/common/") }, "an include fragment was listed as a scenario")
    }
}

/// Validates YAML scenario files against a JSON Schema with Python `jsonschema` and PyYAML (independent of
/// the Swift implementation). Uses the peers' virtual environment (`scripts/setup-peers` installs both).
enum SchemaValidator {
    /// YAML is read with YAML 1.2 booleans (`on:` stays a key, not `true`); the matcher tags `!any`, `!type`,
    /// `!regex` and `!absent` become their scalar text, as an editor without custom tags would see them.
    static let script = #"""
        import json, re, sys, yaml, jsonschema
        class Loader(yaml.SafeLoader):
            pass
        Loader.yaml_implicit_resolvers = {
            key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:bool"]
            for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
        Loader.add_implicit_resolver(
            "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
        Loader.add_multi_constructor(
            "!", lambda loader, suffix, node: loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None)
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        failures = 0
        for path in sys.argv[2:]:
            with open(path) as handle:
                documents = [d for d in yaml.load_all(handle, Loader=Loader) if d is not None]
            if not documents:
                print(f"{path}: no YAML document"); failures += 1
            for index, document in enumerate(documents):
                json.dumps(document)
                for error in validator.iter_errors(document):
                    where = "/".join(str(p) for p in error.absolute_path)
                    print(f"{path}: document {index + 1}: at /{where}: {error.message[:300]}"); failures += 1
        print(f"validated {len(sys.argv) - 2} files, {failures} problems")
        sys.exit(1 if failures else 0)
        """#

    static func validate(files: [String], schema: String) throws -> ProcessResult {
        let python = TestPaths.peersPython
        try #require(
            FileManager.default.isExecutableFile(atPath: python), "\(python) is missing: run scripts/setup-peers")
        return try ProcessRunner.run(python, ["-c", script, schema] + files, timeout: 60)
    }
}
