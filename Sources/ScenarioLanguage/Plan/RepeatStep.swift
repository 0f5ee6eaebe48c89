/// `repeat`: run the nested steps `times` times; `${iteration}` counts from 1.
public struct RepeatStep: Sendable {
    /// How many times (at least 0).
    public var times: Int
    /// The steps of one iteration.
    public var steps: [Step]
}
