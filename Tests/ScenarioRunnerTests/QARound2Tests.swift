import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

/// Failure messages and checks fixed after QA round 2, through the scripted connector.
@Suite("Runner: QA round 2 fixes")
struct QARound2Tests {
    @Test func undefinedServerSuggestsServeOrVar() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: no server
            steps:
              - connect: ${server}/echo
            """)
        #expect(
            result.failure?.message
                == "undefined variable ${server} (pass --serve to use the built-in server, "
                + "or --var server=ws://HOST:PORT)")
        #expect(
            ScenarioInterpreter.undefinedVariableHint("token")
                == "(define it under vars:, with set:, a capture, or --var token=VALUE)")
    }

    @Test func invalidURLFailsTheConnectStepEvenBeforeExpectError() async throws {
        let connector = ScriptedConnector()
        let harness = try Harness(connector: connector)
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: bad url
            steps:
              - connect: ${server}/echo
              - expect_error: handshake
            """, variables: ["server": .string("127.0.0.1:9")])
        #expect(result.status == .failed)
        #expect(result.failure?.step == "0")
        #expect(
            result.failure?.message
                == "invalid URL '127.0.0.1:9/echo' (from ${server}): it must start with ws:// or wss://")
        #expect(connector.requests.isEmpty)
        // A literal one is a check-time error now; from a variable it is found when the step runs.
        let badPort = try await harness.runOne(
            """
            name: bad port
            steps:
              - connect: ${server}/
              - expect_error: handshake
            """, variables: ["server": .string("ws://127.0.0.1:99999")])
        #expect(badPort.failure?.step == "0")
        #expect(
            badPort.failure?.message.hasPrefix(
                "invalid URL 'ws://127.0.0.1:99999/' (from ${server}): it is not a valid")
                == true, "\(String(describing: badPort.failure))")
    }

    @Test func refusedConnectionIsPhrasedForHumans() async throws {
        let connector = ScriptedConnector { _ in
            var script = Script()
            script.failure = ConnectionFailure(kind: .refused, message: "connection to 127.0.0.1:1 refused")
            return script
        }
        let harness = try Harness(connector: connector)
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: refused
            steps:
              - connect: ws://127.0.0.1:1/echo
            """)
        #expect(
            result.failure?.message
                == "could not connect to ws://127.0.0.1:1/echo: connection refused by 127.0.0.1:1 "
                + "(is a server listening there? check the URL)")
        // expect_error still sees the engine's own message.
        let expected = try await harness.runOne(
            """
            name: refusal expected
            steps:
              - connect: ws://127.0.0.1:1/echo
              - expect_error: { kind: refused, message: /connection to 127.0.0.1:1 refused/ }
            """)
        #expect(expected.status == .passed, "\(String(describing: expected.failure))")
    }

    @Test func refusedUpgradeIsPhrasedForHumans() async throws {
        let harness = try Harness(connector: ScriptedConnector(InterpreterConnectionTests.refusing))
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: refused upgrade
            steps:
              - connect: ws://forbidden/
              - send: hi
            """)
        #expect(
            result.failure?.message.hasPrefix(
                "could not connect to ws://forbidden/: the server refused the upgrade with 403 Forbidden\n"
                    + "  status: 403 Forbidden") == true,
            "\(String(describing: result.failure))")
    }

    @Test func failureInsideRepeatNamesTheIteration() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: loop
            steps:
              - connect: ws://fake/
              - repeat:
                  times: 5
                  steps:
                    - send: "n${iteration}"
                    - expect_message:
                        regex: "^n[12]$"
                        within: 100ms
            """)
        #expect(result.failure?.step == "1.1")
        #expect(result.failure?.stepLabel == "expect_message, iteration 3 of 5")
        #expect(
            result.failure?.summary.hasPrefix("step 1.1 (expect_message, iteration 3 of 5) at suite/test.yaml:")
                == true)
    }

    @Test func expectMessagesNumbersMissingMatchersLikeTheList() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: some missing
            steps:
              - connect: ws://fake/
              - send: a
              - expect_messages:
                  all: [a, b]
                  within: 100ms
            """)
        let message = try #require(result.failure?.message)
        #expect(message.contains("\nmissing all[1]: "), "\(message)")
        #expect(!message.contains("missing #"))
    }

    @Test func sendAfterARefusedUpgradeSaysSo() async throws {
        let harness = try Harness(connector: ScriptedConnector(InterpreterConnectionTests.refusing))
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: refused upgrade
            steps:
              - connect: ws://forbidden/
              - expect_handshake: 403
              - send: hi
            """)
        #expect(result.failure?.step == "2")
        #expect(result.failure?.message == "connection default is not open: the server refused the upgrade with 403")
    }

    @Test func connectErrorKindsOnAnOpenConnectionExplainWhy() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        for kind in ["tls", "dns", "handshake"] {
            let result = try await harness.runOne(
                """
                name: open
                steps:
                  - connect: ws://fake/
                  - expect_error: { kind: \(kind) }
                """)
            #expect(
                result.failure?.message
                    == "a \(kind) error can only happen while connecting, and connection default is already open")
        }
    }

    @Test func unconsumedMessageWarningCarriesTheScenarioLocation() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let lines = LineCollector()
        var options = harness.options()
        options.console = ConsoleReporter(
            style: ConsoleStyle(colors: false, githubAnnotations: false), write: { lines.add($0) })
        let summary = try await harness.run(
            """
            name: first
            steps:
              - connect: ws://fake/
            ---
            name: leftovers
            steps:
              - connect: ws://fake/
              - send: unread
              - wait: 50ms
            """, options: options)
        #expect(summary.allPassed)
        let warning = try #require(lines.text.split(separator: "\n").first { $0.contains("warning:") })
        #expect(warning.hasPrefix("suite/test.yaml:5: warning: leftovers: 1 unconsumed message on default"))
    }

    @Test func emptyDirectoryNamesThePathsSearched() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let empty = harness.directory.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        do {
            _ = try await ScenarioRunner(harness.options()).run(paths: [empty.path])
            Issue.record("expected a RunError")
        } catch let error as RunError {
            #expect(error.description == "error: no scenario files found in \(empty.path)")
        }
    }

    @Test func unwritableReportStopsTheRunBeforeAnyScenario() async throws {
        let connector = ScriptedConnector()
        let harness = try Harness(connector: connector)
        defer { harness.cleanUp() }
        let scenario = harness.directory.appendingPathComponent("echo.yaml")
        try Data("name: echo\nsteps:\n  - connect: ws://fake/\n".utf8).write(to: scenario)
        let blocker = harness.directory.appendingPathComponent("blockfile")
        try Data("a file".utf8).write(to: blocker)
        var options = harness.options()
        options.reports = [.junit(path: blocker.path + "/x.xml")]
        do {
            _ = try await ScenarioRunner(options).run(paths: [scenario.path])
            Issue.record("expected a RunError")
        } catch let error as RunError {
            #expect(
                error.description
                    == "error: cannot write the junit report to \(blocker.path)/x.xml: "
                    + "Not a directory (\(blocker.path) is a file)")
        }
        #expect(connector.requests.isEmpty)
        #expect(ReportPathCheck.problem(harness.directory.path + "/new/dir/r.json") == nil)
        #expect(!FileManager.default.fileExists(atPath: harness.directory.path + "/new/dir/r.json"))
        #expect(ReportPathCheck.problem(harness.directory.path) == "Is a directory")
    }
}
