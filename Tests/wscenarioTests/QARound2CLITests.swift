import Foundation
import TestSupport
import Testing

/// Command-line fixes found by QA round 2, end to end through the built binary.
@Suite("wscenario: QA round 2 fixes", .serialized)
struct QARound2CLITests {
    @Test func unwritableReportExitsTwoBeforeRunning() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/echo.yaml", ScenarioTexts.echo)
        try cli.write("blockfile", "a regular file")
        let result = try cli.run(["run", "--serve", "--report", "junit=blockfile/x.xml"])
        #expect(result.exitCode == 2)
        #expect(
            result.standardError
                == "error: cannot write the junit report to blockfile/x.xml: Not a directory (blockfile is a file)\n")
        #expect(!result.standardOutput.contains("echo"), "\(result.standardOutput)")
        let fine = try cli.run(["run", "--serve", "--report", "json=out/deep/r.json"])
        #expect(fine.exitCode == 0, "\(fine.standardError)")
        #expect(cli.exists("out/deep/r.json"))
    }

    @Test func usageErrorsUseTheLowercaseStyleAndExitTwo() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let header = try cli.run(["probe", "--header", "bad", "ws://127.0.0.1:1/"])
        #expect(header.exitCode == 2)
        #expect(
            header.standardError.hasPrefix("error: --header needs NAME:VALUE, got 'bad'\n"), "\(header.standardError)")
        let jobs = try cli.run(["run", "--jobs", "-1"])
        #expect(jobs.exitCode == 2)
        #expect(jobs.standardError == "error: --jobs must be at least 1\n")
        let port = try cli.run(["serve", "--port", "99999"])
        #expect(port.exitCode == 2)
        #expect(port.standardError.hasPrefix("error: --port must be between 0 and 65535\n"), "\(port.standardError)")
        let unknown = try cli.run(["run", "--no-such-option"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.standardError.hasPrefix("error: "), "\(unknown.standardError)")
    }

    @Test func unreadableTLSFilesAreReportedBeforeServing() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let result = try cli.run(
            ["serve", "--port", "0", "--tls-cert", "/nonexist.pem", "--tls-key", "/nonexist.key"], timeout: 20)
        #expect(result.exitCode == 2)
        #expect(
            result.standardError
                == "error: cannot read the TLS certificate /nonexist.pem: No such file or directory\n")
        #expect(result.standardOutput.isEmpty)
        try cli.write("cert.pem", "not really a certificate")
        let key = try cli.run(
            ["serve", "--port", "0", "--tls-cert", "cert.pem", "--tls-key", "nokey.pem"], timeout: 20)
        #expect(key.exitCode == 2)
        #expect(key.standardError == "error: cannot read the TLS key nokey.pem: No such file or directory\n")
    }

    @Test func missingVariablesFileSaysWhy() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/echo.yaml", ScenarioTexts.echo)
        let result = try cli.run(["run", "--vars", "missing.vars.yaml"])
        #expect(result.exitCode == 2)
        #expect(
            result.standardError
                == "error: cannot read the variables file 'missing.vars.yaml': No such file or directory\n")
    }

    @Test func undefinedServerAndEmptyDirectoriesExplainThemselves() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/echo.yaml", ScenarioTexts.echo)
        let noServer = try cli.run(["run"])
        #expect(noServer.exitCode == 1)
        #expect(
            noServer.standardOutput.contains(
                "undefined variable ${server} (pass --serve to use the built-in server, "
                    + "or --var server=ws://HOST:PORT)"),
            "\(noServer.standardOutput)")
        try FileManager.default.createDirectory(
            at: cli.directory.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = try cli.run(["run", "empty"])
        #expect(empty.exitCode == 2)
        #expect(empty.standardError == "error: no scenario files found in empty\n")
    }

    @Test(arguments: ["", "run", "serve", "probe"])
    func helpHasExamplesAndFitsEightyColumns(command: String) throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let result = try cli.run((command.isEmpty ? [] : [command]) + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.exitCode == 0)
        let text = result.standardOutput
        #expect(text.contains("\nExamples:\n"), "\(text)")
        let discussion = text.components(separatedBy: "USAGE:").first ?? ""
        for line in discussion.split(separator: "\n") { #expect(line.count <= 80, "too long: \(line)") }
        // Every example line is a whole command, a description ending with ":", or continues a line ending in "\".
        let examples = discussion.components(separatedBy: "Examples:\n").last ?? ""
        var previous = ""
        for line in examples.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let whole = line.hasPrefix("wscenario ") || line.hasSuffix(":") || previous.hasSuffix("\\")
            #expect(whole, "wrapped example: \(line)")
            previous = line
        }
        switch command {
        case "run": #expect(text.contains("--tag <TAG>") && text.contains("--jobs <N>") && text.contains("<PATH>"))
        case "serve": #expect(text.contains("--tls-cert <FILE>") && text.contains("--port <PORT>"))
        case "probe": #expect(text.contains("--header <NAME:VALUE>") && text.contains("--timeout <SECONDS>"))
        default: #expect(text.contains("wscenario run --serve scenarios/"))
        }
    }

    @Test func probeReportsTheServersCloseAndSilence() throws {
        let server = try BackgroundProcess(
            TestPaths.wscenarioBinary, ["serve", "--port", "0"], readyLine: "listening on ws://127.0.0.1:")
        defer { server.stop() }
        let line = try #require(server.output.split(separator: "\n").first { $0.hasPrefix("listening on ") })
        let url = String(line.dropFirst("listening on ".count))
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let closing = try cli.run(["probe", "\(url)/close/4001"], timeout: 30)
        #expect(closing.exitCode == 1)
        #expect(
            closing.standardError.contains("the server closed the connection with code 4001 (\"closing with 4001\")"),
            "\(closing.standardError)")
        #expect(!closing.standardError.contains("the connection is closed"))
        let silent = try cli.run(["probe", "--timeout", "0.3", "\(url)/silent"], timeout: 30)
        #expect(silent.exitCode == 1)
        #expect(silent.standardError.contains("error: no answer within 0.3s"), "\(silent.standardError)")
        let echo = try cli.run(["probe", "\(url)/echo"], timeout: 30)
        #expect(echo.exitCode == 0, "\(echo.standardError)")
        #expect(echo.standardOutput.contains("received text: hello"))
    }
}
