import Foundation

/// Locations the tests need: the built products, the repository, and the independent peers.
public enum TestPaths {
    /// The directory holding the built products (`.build/debug` or `.build/release`).
    public static var productsDirectory: URL {
        // The test bundle lives in the products directory on Linux (`wscenarioPackageTests.xctest`).
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = bundle.deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("wscenario").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        return bundle.deletingLastPathComponent()
    }

    /// The built `wscenario` executable.
    public static var wscenarioBinary: String { productsDirectory.appendingPathComponent("wscenario").path }

    /// The repository's top-level directory (where `Package.swift` is).
    public static var repositoryRoot: URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        fatalError("Package.swift not found above \(#filePath)")
    }

    /// The Python interpreter of the peers' virtual environment (`scripts/setup-peers` creates it).
    /// `WSCENARIO_PEERS_PYTHON` overrides it.
    public static var peersPython: String {
        if let path = ProcessInfo.processInfo.environment["WSCENARIO_PEERS_PYTHON"] { return path }
        return repositoryRoot.appendingPathComponent(".peers/venv/bin/python").path
    }

    /// A fresh temporary directory, removed by the caller when done.
    public static func makeTemporaryDirectory(_ prefix: String = "wscenario-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
