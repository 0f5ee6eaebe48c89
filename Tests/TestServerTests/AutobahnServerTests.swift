import Foundation
import TestSupport
import Testing

/// Autobahn|Testsuite's fuzzing client against `wscenario serve` (needs `scripts/setup-autobahn`'s venv).
@Suite struct AutobahnServerTests {
    static var autobahnVenv: String { ProcessInfo.processInfo.environment["AUTOBAHN_VENV"] ?? "/tmp/ab-venv" }
    static var autobahnAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: autobahnVenv + "/bin/python")
    }

    @Test(.enabled(if: autobahnAvailable, "the Autobahn venv is missing: run scripts/setup-autobahn"))
    func coreCasesPass() throws {
        let out = try TestPaths.makeTemporaryDirectory("autobahn-server")
        defer { try? FileManager.default.removeItem(at: out) }
        let script = TestPaths.repositoryRoot.appendingPathComponent("scripts/autobahn-server").path
        let result = try ProcessRunner.run(
            script,
            ["--cases", "1.*,2.*,3.*,4.*,5.*,6.*,7.*,10.*", "--out", out.path],
            environment: ["WSCENARIO_BIN": TestPaths.wscenarioBinary],
            timeout: 300
        )
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
        let summary = result.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasSuffix(" 0 UNIMPLEMENTED, 0 FAILED"), "\(summary)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.json").path))
    }
}
