import Foundation

/// A server started for a test: stopped by its PID when the test is done.
public final class BackgroundProcess: @unchecked Sendable {
    public let process: Process
    private let outputFile: URL

    /// Starts `executable` and waits until its standard output holds a whole line containing `readyLine` (or
    /// `timeout` passes).
    public init(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil,
        readyLine: String,
        timeout: Double = 20
    ) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("bg-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: outputFile)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            // Ready once the whole line holding `readyLine` is there (a port number after it may still be
            // on its way otherwise).
            let text = output
            if let range = text.range(of: readyLine), text[range.upperBound...].contains("\n") { return }
            if !process.isRunning { break }
            usleep(20_000)
        }
        stop()
        throw BackgroundProcessError(message: "\(executable) did not print \"\(readyLine)\": \(output)")
    }

    /// Everything the process printed so far (standard output and error together).
    public var output: String {
        String(decoding: (try? Data(contentsOf: outputFile)) ?? Data(), as: UTF8.self)
    }

    /// Stops the process (SIGTERM, then SIGKILL after a second) and waits for it.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(1)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: outputFile)
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

/// A background process that failed to start.
public struct BackgroundProcessError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
