import Foundation

/// The clocks, random sources and process environment the interpreter uses, injectable so that tests
/// get reproducible output.
public struct RunEnvironment: Sendable {
    /// Monotonic nanoseconds (transcript times, deadlines).
    public var monotonicNanos: @Sendable () -> UInt64
    /// Milliseconds since 1970 (`${now_ms}`).
    public var wallClockMillis: @Sendable () -> Int64
    /// A fresh UUID string (`${uuid}`).
    public var uuid: @Sendable () -> String
    /// A random non-negative integer (`${random_int}`).
    public var randomInt: @Sendable () -> Int64
    /// Environment variables (`${env.NAME}`).
    public var variables: [String: String]

    public init(
        monotonicNanos: @escaping @Sendable () -> UInt64, wallClockMillis: @escaping @Sendable () -> Int64,
        uuid: @escaping @Sendable () -> String, randomInt: @escaping @Sendable () -> Int64,
        variables: [String: String]
    ) {
        self.monotonicNanos = monotonicNanos
        self.wallClockMillis = wallClockMillis
        self.uuid = uuid
        self.randomInt = randomInt
        self.variables = variables
    }

    /// The real clocks, system randomness and the process environment.
    public static var live: RunEnvironment {
        RunEnvironment(
            monotonicNanos: { DispatchTime.now().uptimeNanoseconds },
            wallClockMillis: { Int64(Date().timeIntervalSince1970 * 1000) },
            uuid: { UUID().uuidString.lowercased() },
            randomInt: { Int64.random(in: 0...Int64(Int32.max)) },
            variables: ProcessInfo.processInfo.environment
        )
    }
}
