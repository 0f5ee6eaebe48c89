import Testing

@testable import ScenarioLanguage

/// `server` is predeclared; undefined-variable errors belong to the scenario they are in.
@Suite struct VariableScopeTests {
    static let readmeScenario = """
        name: echo
        steps:
          - connect: ${server}/echo
          - send: hello
          - expect_message: hello
        """

    @Test func serverCountsAsDefinedWithoutVars() throws {
        let suite = load(Self.readmeScenario)
        #expect(suite.diagnostics.map(\.header) == [])
        let scenario = try #require(suite.scenarios.first)
        #expect(scenario.diagnostics.isEmpty)
        #expect(!scenario.hasErrors)
        // Nothing is invented for it: the runner gets `server` from --serve or --var.
        #expect(scenario.vars.isEmpty)
    }

    @Test func otherUndefinedVariablesStayErrors() {
        let suite = load("name: t\nsteps:\n  - connect: ${host}/echo\n")
        #expect(
            errorHeaders(suite) == [
                "test.yaml:3:14: error: undefined variable 'host': define it under vars:, set it with set: or a capture "
                    + "before this step, or pass --var host=VALUE"
            ])
        #expect(suite.hasErrors)
    }

    @Test func serverIsSuggestedForAMisspelling() {
        let suite = load("name: t\nsteps:\n  - connect: ${sever}/echo\n")
        #expect(suite.errors.first?.message.hasPrefix("undefined variable 'sever' (did you mean 'server'?)") == true)
    }

    static let twoScenarios = """
        name: smoke
        tags: [smoke]
        steps:
          - connect: ws://127.0.0.1:9001/
        ---
        name: needs a token
        tags: [auth]
        steps:
          - connect: ws://127.0.0.1:9001/
          - send: "${token}"
        """

    @Test func undefinedVariablesStayWithTheirScenario() throws {
        let suite = load(Self.twoScenarios)
        // The file is still reported invalid by check...
        #expect(suite.hasErrors)
        #expect(errorHeaders(suite).count == 1)
        // ...but both scenarios are listed and the error belongs to the second one.
        #expect(suite.scenarios.map(\.name) == ["smoke", "needs a token"])
        let smoke = suite.scenarios[0], auth = suite.scenarios[1]
        #expect(smoke.diagnostics.isEmpty)
        #expect(auth.hasErrors)
        #expect(auth.diagnostics.map(\.header) == errorHeaders(suite))
        #expect(auth.diagnostics.first?.sourceLine == "  - send: \"${token}\"")
    }

    @Test func diagnosticsForSelectedScenariosDropOnlyUnselectedScenarioErrors() {
        let suite = load(Self.twoScenarios)
        let smoke = suite.scenarios.filter { $0.tags.contains("smoke") }
        let auth = suite.scenarios.filter { $0.tags.contains("auth") }
        #expect(suite.diagnostics(for: smoke).isEmpty)
        #expect(!suite.hasErrors(for: smoke))
        #expect(!suite.hasErrors(for: []))
        #expect(suite.hasErrors(for: auth))
        #expect(suite.hasErrors(for: suite.scenarios))
        #expect(suite.diagnostics(for: auth).map(\.header) == errorHeaders(suite))
    }

    @Test func otherErrorsStayWhateverIsSelected() {
        let yaml = Self.twoScenarios + "\n---\nname: broken\nsteps:\n  - sendd: x\n"
        let suite = load(yaml)
        let smoke = suite.scenarios.filter { $0.tags.contains("smoke") }
        #expect(suite.scenarios.count == 2)  // `broken` does not compile
        #expect(suite.hasErrors(for: smoke))
        #expect(suite.hasErrors(for: []))
        #expect(suite.diagnostics(for: smoke).map(\.message) == ["unknown step kind 'sendd'; did you mean 'send'?"])
    }

    @Test func aFragmentSharedByTwoScenariosKeepsItsErrorForEither() throws {
        let directory = Fixtures.path("scoped")
        let suite = ScenarioLoader().load(paths: [directory + "/two-users.yaml"])
        #expect(suite.scenarios.map(\.name) == ["first", "second"])
        #expect(suite.scenarios.allSatisfy { $0.hasErrors })
        // Reported once by check, but each scenario carries it.
        #expect(suite.errors.count == 1)
        let first = [suite.scenarios[0]], second = [suite.scenarios[1]]
        #expect(suite.hasErrors(for: first))
        #expect(suite.hasErrors(for: second))
        #expect(suite.errors.first?.location?.file.hasSuffix("scoped/parts/greet.yaml") == true)
    }

    @Test func iterationOutsideRepeatStillMakesTheScenarioInvalid() {
        let suite = load("name: t\nsteps:\n  - connect: ws://h/\n  - send: \"${iteration}\"\n")
        #expect(suite.scenarios.isEmpty)
        #expect(suite.hasErrors(for: []))
    }
}
