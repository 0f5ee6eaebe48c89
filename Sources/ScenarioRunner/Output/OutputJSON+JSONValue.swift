import ScenarioLanguage

extension OutputJSON {
    /// The output form of a scenario JSON value (key order kept).
    public init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .int(Int(number))
        case .number(let number): self = .double(number)
        case .bigInteger(let digits): self = .bigInteger(digits)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(OutputJSON.init))
        case .object(let object): self = .object(object.members.map { ($0.key, OutputJSON($0.value)) })
        }
    }
}
