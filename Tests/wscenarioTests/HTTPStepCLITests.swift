import Foundation
import TestSupport
import Testing

/// `http` steps through the built binary against the built-in server: a failing status is explained with the
/// file and line, in the console and in JUnit, and `check` accepts `server_http` without `--var`.
@Suite struct HTTPStepCLITests {
    @Test func aWrongStatusFailsTheRunWithTheAnswer() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/login.yaml",
            """
            name: login with GET
            steps:
              - http:
                  url: ${server_http}/login
                  expect: { status: 200 }
              - connect: ${server}/echo
            """)
        let check = try cli.run(["check"])
        #expect(check.exitCode == 0, "\(check.standardError)")
        let run = try cli.run(["run", "--serve", "--report", "junit=j.xml"])
        #expect(run.exitCode == 1)
        let output = run.standardOutput + run.standardError
        #expect(
            output.contains("step 0 (http) at scenarios/login.yaml:3: expected status 200 from GET http://127.0.0.1:"))
        #expect(output.contains(", got 405 Method Not Allowed"), "\(output)")
        #expect(output.contains("Allow: POST"), "\(output)")
        let junit = try cli.read("j.xml")
        #expect(junit.contains("got 405 Method Not Allowed"))
        #expect(junit.contains("http_response"))
    }

    @Test func withoutServeServerHTTPIsExplained() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write("scenarios/login.yaml", "name: no server\nsteps:\n  - http: ${server_http}/login\n")
        let run = try cli.run(["run"])
        #expect(run.exitCode == 1)
        #expect(
            (run.standardOutput + run.standardError).contains(
                "(pass --serve to use the built-in server, or --var server_http=http://HOST:PORT)"),
            "\(run.standardOutput)\(run.standardError)")
    }
}
