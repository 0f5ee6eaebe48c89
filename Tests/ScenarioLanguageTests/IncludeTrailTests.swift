import Foundation
import TestSupport
import Testing

@testable import ScenarioLanguage

/// A problem found in an included file names the `include` steps that brought it in, innermost first, and is
/// reported once even when the file is included several times.
@Suite struct IncludeTrailTests {
    static let files = [
        "main.yaml": """
        name: main
        steps:
          - connect: ws://127.0.0.1:9001/
          - include: parts/outer.yaml
          - include: { file: parts/inner.yaml }
        """,
        "parts/outer.yaml": "steps:\n  - include: inner.yaml\n  - send: { text: hi, bogus: 1 }\n",
        "parts/inner.yaml": "steps:\n  - send: { text: \"unclosed }\n",
    ]

    @Test func errorsInIncludedFilesNameTheirIncludes() throws {
        let root = try TestPaths.makeTemporaryDirectory("wscenario-include-trail")
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, text) in Self.files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let main = root.appendingPathComponent("main.yaml").path
        let outer = root.appendingPathComponent("parts/outer.yaml").path
        let inner = root.appendingPathComponent("parts/inner.yaml").path
        let suite = ScenarioLoader().load(paths: [main])
        let headers = suite.errors.map(\.header)
        #expect(headers.count == 2, "inner.yaml's error is reported once, though included twice: \(headers)")
        #expect(
            headers.contains(
                inner + ":2:19: error: invalid YAML: the quoted string that starts here is never closed (found "
                    + "unexpected end of stream at line 3, column 1); add the closing quote, or use a block scalar "
                    + "(|) for multi-line text (included from \(outer):2:14, from \(main):4:14)"), "\(headers)")
        #expect(
            headers.contains(
                outer + ":3:23: error: unknown key 'bogus' in send (allowed: on, text, json, binary, fragments) "
                    + "(included from \(main):4:14)"), "\(headers)")
    }

    /// A chain of includes deeper than the limit is an error at the include that goes too deep, not a crash.
    @Test func aTooDeepIncludeChainIsAnError() throws {
        let root = try TestPaths.makeTemporaryDirectory("wscenario-include-depth")
        defer { try? FileManager.default.removeItem(at: root) }
        let count = PlanCompiler.maximumIncludeDepth + 20
        try "name: deep\nsteps:\n  - include: p0.yaml\n".write(
            to: root.appendingPathComponent("main.yaml"), atomically: true, encoding: .utf8)
        for index in 0..<count {
            let next = index < count - 1 ? "  - include: p\(index + 1).yaml\n" : "  - wait: 1ms\n"
            try ("steps:\n" + next).write(
                to: root.appendingPathComponent("p\(index).yaml"), atomically: true, encoding: .utf8)
        }
        let suite = ScenarioLoader().load(paths: [root.appendingPathComponent("main.yaml").path])
        let messages = suite.errors.map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("includes nest deeper than 100 files here") == true, "\(messages)")
        #expect(messages.first?.contains(" more, from ") == true, "the trail is cut: \(messages)")
        #expect((messages.first?.components(separatedBy: ", from ").count ?? 0) == 6, "\(messages)")
    }
}
