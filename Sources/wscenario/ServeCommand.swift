import ArgumentParser
import Foundation
import Logging
import ScenarioRunner
import TestServer

/// `wscenario serve`: the built-in WebSocket test server, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the built-in WebSocket test server until interrupted.",
        discussion: """
            Prints one line "listening on ws://HOST:PORT" to standard output once ready, and one log line per \
            connection to standard error. SIGINT or SIGTERM stops it (exit status 0); exit status 1 when it \
            cannot listen, 2 for invalid usage. Durations: 250, 250ms or 1.5s.

            Paths:
            \(ServerRoute.pathSummary)

            /auth expects "Authorization: Bearer <TOKEN>" (the --token value), or \
            "Bearer \(BuiltInServerConfiguration.defaultAuthToken)" when the server has no --token. \
            With --token, /chat/{room} requires it too (401 otherwise). Any other path: 404 with this list. \
            Details: docs/server.md.

            Examples:
              wscenario serve --port 9001
              wscenario serve --port 0 --token s3cret
              wscenario serve --tls-cert cert.pem --tls-key key.pem
            """
    )

    @Option(
        help: ArgumentHelp("The address to listen on (keep 127.0.0.1 unless you know why not).", valueName: "HOST"))
    var host = "127.0.0.1"

    @Option(
        help: ArgumentHelp(
            "The TCP port; 0 picks a free port (shown in the \"listening on\" line).", valueName: "PORT"))
    var port = 9001

    @Option(
        name: .customLong("tls-cert"),
        help: ArgumentHelp("PEM certificate chain: serve wss:// (needs --tls-key).", valueName: "FILE"))
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key for --tls-cert.", valueName: "FILE"))
    var tlsKey: String?

    @Option(help: ArgumentHelp("Bearer token required by /auth and /chat/{room}.", valueName: "TOKEN"))
    var token: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
    }

    /// Unreadable TLS files are reported (exit status 2) before the server starts.
    private func checkTLSFiles() throws {
        let files = [("certificate", tlsCertificate), ("key", tlsKey)]
        for case (let what, let path?) in files {
            if let reason = Self.unreadable(path) {
                StandardError.printLine("error: cannot read the TLS \(what) \(path): \(reason)")
                throw ExitCode(2)
            }
        }
    }

    /// Why the file at `path` cannot be read (e.g. "No such file or directory"), or nil when it can.
    static func unreadable(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "Is a directory"
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        close(descriptor)
        return nil
    }

    func run() async throws {
        try checkTLSFiles()
        let logger = Logger(label: "wscenario.serve") { label in StreamLogHandler.standardError(label: label) }
        let configuration = BuiltInServerConfiguration(
            host: host,
            port: port,
            tlsCertificatePath: tlsCertificate,
            tlsKeyPath: tlsKey,
            token: token,
            logger: logger
        )
        let signals = TerminationSignals()
        let server: BuiltInServer
        do {
            server = try await BuiltInServer.start(configuration)
        } catch {
            // A TLS file problem is about the files, not the address.
            let place = error is BuiltInServerError ? "cannot serve" : "cannot serve on \(host):\(port)"
            StandardError.printLine("error: \(place): \(error)")
            throw ExitCode(error is BuiltInServerError ? 2 : 1)
        }
        ConsoleOutput.write("listening on \(server.url)\n", to: 1)
        let signal = await signals.wait()
        logger.info("received signal \(signal), shutting down")
        try await server.shutdown()
    }
}
