extension StepKind {
    /// How failures name a step that has a `name:`: its kind, the name, and the connection when not `default`
    /// (`expect_message "greeting" on bob`).
    public func described(named name: String) -> String {
        var text = keyword + " \"" + name.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        if let connection, connection != Scenario.defaultConnection { text += " on \(connection)" }
        return text
    }
}
