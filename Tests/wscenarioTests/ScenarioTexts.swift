/// Scenario files several command-line tests write.
enum ScenarioTexts {
    /// One echo round trip against `${server}/echo`.
    static let echo = """
        name: echo
        steps:
          - connect: ${server}/echo
          - send: hi
          - expect_message: hi
        """
}
