import ArgumentParser
import ScenarioLanguage

/// `wscenario schema`: print the JSON Schema of scenario files.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of scenario files.",
        discussion: """
            The same schema is committed as schemas/scenario.schema.json. Point your editor at it with the \
            first line of a scenario file:
              # yaml-language-server: $schema=../schemas/scenario.schema.json

            Examples:
              wscenario schema > scenario.schema.json
            """)

    func run() async throws {
        print(ScenarioSchema.text, terminator: "")
    }
}
