/// A `RandomNumberGenerator` backed by a closure (the configuration's injectable random source).
struct ClosureRandom: RandomNumberGenerator {
    let source: () -> UInt64

    mutating func next() -> UInt64 { source() }
}
