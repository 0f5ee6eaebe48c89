import Foundation
import TestSupport
import Testing

/// Keeps the documentation true: every ```yaml block of docs/language.md and README.md is a complete
/// scenario file that `wscenario check` accepts and that validates against the JSON Schema.
/// (Fragments are written in ```text or plain ``` blocks and are not checked.)
@Suite("Documentation examples")
struct DocumentationExamplesTests {
    /// One fenced ```yaml block: where it starts (the line of its first YAML line, 1-based) and its text.
    struct Block: CustomStringConvertible {
        var document: String
        var line: Int
        var text: String
        var description: String { "\(document):\(line)" }
    }

    /// The ```yaml blocks of `document` (a path relative to the repository root).
    static func yamlBlocks(in document: String) throws -> [Block] {
        let url = TestPaths.repositoryRoot.appendingPathComponent(document)
        return yamlBlocks(text: try String(contentsOf: url, encoding: .utf8), document: document)
    }

    /// The ```yaml blocks of a Markdown `text` named `document`.
    static func yamlBlocks(text: String, document: String) -> [Block] {
        let lines = text.components(separatedBy: "\n")
        var blocks: [Block] = []
        var current: (line: Int, lines: [String])?
        var inOtherFence = false
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var open = current {
                if trimmed == "```" {
                    blocks.append(Block(document: document, line: open.line, text: open.lines.joined(separator: "\n")))
                    current = nil
                } else {
                    open.lines.append(line)
                    current = open
                }
            } else if inOtherFence {
                if trimmed == "```" { inOtherFence = false }
            } else if trimmed == "```yaml" || trimmed == "```yml" {
                current = (index + 2, [])
            } else if trimmed.hasPrefix("```") {
                inOtherFence = true
            }
        }
        #expect(current == nil, "\(document): a ```yaml block is never closed")
        return blocks
    }

    /// Writes each block to its own file in a fresh directory, named after where it comes from.
    static func writeBlocks(_ blocks: [Block], to directory: URL) throws -> [(Block, String)] {
        try blocks.map { block in
            let name =
                block.document.replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: ".md", with: "") + "-line\(block.line).yaml"
            let path = directory.appendingPathComponent(name).path
            try Data((block.text + "\n").utf8).write(to: URL(fileURLWithPath: path))
            return (block, path)
        }
    }

    static let documents = ["docs/language.md", "README.md"]

    @Test("the documents have complete yaml examples")
    func documentsHaveExamples() throws {
        #expect(try Self.yamlBlocks(in: "docs/language.md").count >= 20)
        #expect(try Self.yamlBlocks(in: "README.md").count >= 1)
    }

    /// Examples use `${server}` as scenarios run with `--serve` do; `--var` defines it for the check.
    @Test("every yaml block passes wscenario check", arguments: documents)
    func everyBlockPassesCheck(document: String) throws {
        let directory = try TestPaths.makeTemporaryDirectory("doc-examples")
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocks = try Self.writeBlocks(Self.yamlBlocks(in: document), to: directory)
        #expect(!blocks.isEmpty)
        for (block, path) in blocks {
            let result = try ProcessRunner.run(
                TestPaths.wscenarioBinary, ["check", "--var", "server=ws://127.0.0.1:9001", path],
                environment: ["NO_COLOR": "1"], currentDirectory: directory.path, timeout: 30)
            #expect(
                result.exitCode == 0,
                "\(block): this ```yaml block fails wscenario check:\n\(result.standardError)\n\(block.text)")
            #expect(!result.standardError.contains("warning"), "\(block): check warns:\n\(result.standardError)")
        }
    }

    /// The examples are not just valid: they pass against the built-in server, without inbox warnings.
    @Test("every yaml block passes against the built-in server", arguments: documents)
    func everyBlockRunsGreen(document: String) throws {
        let directory = try TestPaths.makeTemporaryDirectory("doc-run")
        defer { try? FileManager.default.removeItem(at: directory) }
        let examples = directory.appendingPathComponent("examples")
        try FileManager.default.createDirectory(at: examples, withIntermediateDirectories: true)
        let blocks = try Self.writeBlocks(Self.yamlBlocks(in: document), to: examples)
        let reportPath = directory.appendingPathComponent("r.json").path
        let result = try ProcessRunner.run(
            TestPaths.wscenarioBinary,
            ["run", "--serve", "examples", "--transcripts", "transcripts", "--report", "json=\(reportPath)"],
            environment: ["NO_COLOR": "1"], currentDirectory: directory.path, timeout: 120)
        #expect(result.exitCode == 0, "\(document): examples fail:\n\(result.standardOutput)\n\(result.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportPath)))
        let scenarios = try #require((report as? [String: Any])?["scenarios"] as? [[String: Any]])
        let blockByFile = Dictionary(
            uniqueKeysWithValues: blocks.map { ("examples/" + ($0.1 as NSString).lastPathComponent, $0.0) })
        #expect(Set(scenarios.compactMap { $0["file"] as? String }) == Set(blockByFile.keys))
        for scenario in scenarios {
            let file = scenario["file"] as? String ?? ""
            let origin = blockByFile[file].map(\.description) ?? file
            #expect(scenario["status"] as? String == "passed", "\(origin): \(scenario["failure"] ?? "")")
            #expect(scenario["warnings"] == nil, "\(origin): \(scenario["warnings"] ?? "")")
        }
    }

    @Test("every yaml block validates against the JSON Schema", arguments: documents)
    func everyBlockValidatesAgainstTheSchema(document: String) throws {
        let schema = TestPaths.repositoryRoot.appendingPathComponent("schemas/scenario.schema.json")
        try #require(FileManager.default.fileExists(atPath: schema.path), "schemas/scenario.schema.json is missing")
        let directory = try TestPaths.makeTemporaryDirectory("doc-schema")
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocks = try Self.writeBlocks(Self.yamlBlocks(in: document), to: directory)
        let result = try SchemaValidator.validate(files: blocks.map(\.1), schema: schema.path)
        let lines = blocks.map { "\($0.1) = \($0.0)" }.joined(separator: "\n")
        #expect(result.exitCode == 0, "\(result.standardOutput)\(result.standardError)\nblocks:\n\(lines)")
    }

    @Test("the block extractor finds blocks, their lines, and skips other fences")
    func extractorFindsBlocks() {
        let sample = "# t\n\n```text\n- send: x\n```\n\n```yaml\nname: a\nsteps: [wait: 1s]\n```\n```sh\nls\n```\n"
        let blocks = Self.yamlBlocks(text: sample, document: "sample.md")
        #expect(blocks.count == 1)
        #expect(blocks.first?.line == 8)
        #expect(blocks.first?.text == "name: a\nsteps: [wait: 1s]")
    }
}
