import Testing

@testable import ScenarioLanguage

@Suite struct TemplateTests {
    @Test func parsesLiteralsAndReferences() throws {
        let template = try Template(parsing: "a ${x} b ${env.HOME} ${env.N:-fb} ${uuid}${now_ms}${random_int}")
        #expect(
            template.references == [
                .variable("x"), .environment(name: "HOME", fallback: nil), .environment(name: "N", fallback: "fb"),
                .uuid, .nowMilliseconds, .randomInteger,
            ])
        #expect(template.parts.first == .literal("a "))
    }

    @Test func builtIns() throws {
        #expect(try Template(parsing: "${scenario.name}").singleReference == .scenarioName)
        #expect(try Template(parsing: "${iteration}").singleReference == .iteration)
    }

    @Test func singleReferenceOnlyWhenExact() throws {
        #expect(try Template(parsing: "${count}").singleReference == .variable("count"))
        #expect(try Template(parsing: " ${count}").singleReference == nil)
        #expect(try Template(parsing: "plain").isLiteral)
    }

    @Test func escapedDollar() throws {
        let template = try Template(parsing: "cost $${price} ${price}")
        #expect(template.render { _ in "9" } == "cost ${price} 9")
    }

    @Test func renderUsesLookup() throws {
        let template = try Template(parsing: "hello ${who}!")
        #expect(template.render { reference in reference == .variable("who") ? "world" : "?" } == "hello world!")
    }

    @Test func rejectsMalformed() {
        #expect(throws: TemplateError.self) { try Template(parsing: "a ${x") }
        #expect(throws: TemplateError.self) { try Template(parsing: "${a b}") }
        #expect(throws: TemplateError.self) { try Template(parsing: "${env.}") }
        #expect(throws: TemplateError.self) { try Template(parsing: "${env.HOST:-${fallback}}") }
    }

    @Test func jsonTemplateKeepsTypeOfExactReference() throws {
        let template = JSONTemplate.object([
            .init(key: "n", value: .string(try Template(parsing: "${count}"))),
            .init(key: "s", value: .string(try Template(parsing: "n=${count}"))),
        ])
        let value = template.render { _ in .integer(3) }
        #expect(value.compactJSON == #"{"n":3,"s":"n=3"}"#)
    }
}
