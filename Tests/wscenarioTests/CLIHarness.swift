import Foundation
import TestSupport

/// A temporary working directory with scenario files, and `wscenario` runs inside it.
struct CLIHarness {
    let directory: URL

    init() throws {
        directory = try TestPaths.makeTemporaryDirectory("cli")
    }

    /// Writes `text` to `relativePath` (creating folders).
    func write(_ relativePath: String, _ text: String) throws {
        let url = directory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(relativePath), encoding: .utf8)
    }

    func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(relativePath).path)
    }

    /// Runs `wscenario ARGS` in the directory (bounded).
    func run(_ arguments: [String], environment: [String: String] = ["NO_COLOR": "1"], timeout: Double = 60) throws
        -> ProcessResult
    {
        try ProcessRunner.run(
            TestPaths.wscenarioBinary, arguments, environment: environment, currentDirectory: directory.path,
            timeout: timeout)
    }

    /// The transcript events of a JSON Lines file.
    func events(_ relativePath: String) throws -> [[String: Any]] {
        try read(relativePath).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    func json(_ relativePath: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(read(relativePath).utf8)) as? [String: Any] ?? [:]
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}

/// A transcript `step` value as text: top-level steps are numbers, nested ones strings such as `"3.1"`.
func stepText(_ value: Any?) -> String? {
    if let number = value as? Int { return String(number) }
    return value as? String
}
