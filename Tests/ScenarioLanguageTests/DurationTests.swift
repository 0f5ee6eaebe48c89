import Testing

@testable import ScenarioLanguage

@Suite struct DurationTests {
    @Test(arguments: [
        ("250ms", Duration.milliseconds(250)), ("2s", .seconds(2)), ("1.5s", .milliseconds(1500)),
        ("1m", .seconds(60)), ("3", .seconds(3)), ("0.25", .milliseconds(250)), ("1h", .seconds(3600)),
    ])
    func parses(text: String, expected: Duration) {
        #expect(DurationParser.parse(text) == expected)
    }

    @Test(arguments: ["fast", "", "ms", "-1s", "1.s", "1 second", "2x", "1:30"])
    func rejects(text: String) {
        #expect(DurationParser.parse(text) == nil)
    }
}
