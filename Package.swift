// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "wscenario",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "wscenario", targets: ["wscenario"]),
        .library(name: "WebSocketCore", targets: ["WebSocketCore"]),
        .library(name: "WebSocketEngine", targets: ["WebSocketEngine"]),
        .library(name: "ScenarioLanguage", targets: ["ScenarioLanguage"]),
        .library(name: "ScenarioRunner", targets: ["ScenarioRunner"]),
        .library(name: "TestServer", targets: ["TestServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        // Benchmark tooling only (benchmarks/latency): round-trip latency percentiles. No product target uses it.
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
    ],
    targets: [
        // Pure protocol: frames, handshake, close state machine, UTF-8. No I/O.
        .target(
            name: "WebSocketCore",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")]
        ),
        // permessage-deflate (RFC 7692): negotiation and zlib compression, used by the engine and the server.
        .target(
            name: "PerMessageDeflate",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        // SwiftNIO client transport built on the pure core.
        .target(
            name: "WebSocketEngine",
            dependencies: [
                "WebSocketCore",
                "PerMessageDeflate",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // YAML -> validated plan, JSON Schema. No I/O beyond reading scenario files.
        .target(
            name: "ScenarioLanguage",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Interpreter, matching, transcripts, reports.
        .target(
            name: "ScenarioRunner",
            dependencies: [
                "ScenarioLanguage",
                "WebSocketCore",
                "WebSocketEngine",
                "PerMessageDeflate",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The built-in WebSocket server (`wscenario serve`).
        .target(
            name: "TestServer",
            dependencies: [
                "WebSocketCore",
                "WebSocketEngine",
                "PerMessageDeflate",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "wscenario",
            dependencies: [
                "WebSocketCore",
                "WebSocketEngine",
                "ScenarioLanguage",
                "ScenarioRunner",
                "TestServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers shared by the test targets: processes, ports, peers, temporary directories.
        .target(
            name: "TestSupport",
            dependencies: [],
            path: "Tests/TestSupport"
        ),
        // Helpers shared by the engine, server and deflate tests: a recording client and a scoped built-in server.
        .target(
            name: "EngineTestSupport",
            dependencies: [
                "WebSocketEngine", "WebSocketCore", "TestServer", .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/EngineTestSupport"
        ),
        .testTarget(name: "WebSocketCoreTests", dependencies: ["WebSocketCore"]),
        .testTarget(
            name: "PerMessageDeflateTests",
            dependencies: [
                "PerMessageDeflate", "WebSocketEngine", "WebSocketCore", "TestServer", "TestSupport",
                "EngineTestSupport",
            ]
        ),
        .testTarget(
            name: "WebSocketEngineTests",
            dependencies: ["WebSocketEngine", "WebSocketCore", "TestSupport", "EngineTestSupport"]),
        .testTarget(
            name: "ScenarioLanguageTests", dependencies: ["ScenarioLanguage", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ScenarioRunnerTests",
            dependencies: ["ScenarioRunner", "ScenarioLanguage", "TestServer", "TestSupport", "WebSocketCore"]),
        .testTarget(
            name: "TestServerTests",
            dependencies: ["TestServer", "WebSocketEngine", "TestSupport", "EngineTestSupport"]),
        .testTarget(name: "wscenarioTests", dependencies: ["wscenario", "TestSupport"]),
        // Benchmark tooling (not part of the product): latency percentiles with HdrHistogram for benchmarks/run.
        .target(
            name: "BenchmarkLatency",
            dependencies: [.product(name: "Histogram", package: "hdrhistogram-swift")],
            path: "benchmarks/latency/Sources/BenchmarkLatency"
        ),
        .executableTarget(
            name: "wscenario-latency",
            dependencies: ["BenchmarkLatency", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "benchmarks/latency/Sources/wscenario-latency"
        ),
        .testTarget(name: "LatencyTests", dependencies: ["BenchmarkLatency", "wscenario-latency", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
