import ArgumentParser
import Foundation
import Logging
import TestServer

/// `wscenario serve`: the built-in WebSocket test server, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the built-in WebSocket test server until interrupted.",
        discussion: """
            Prints one line "listening on ws://HOST:PORT" to standard output once
            ready, and one log line per connection to standard error. SIGINT or
            SIGTERM stops it (exit status 0). Durations: 250, 250ms or 1.5s.

            Paths:
            \(ServerRoute.pathSummary)

            /auth expects "Authorization: Bearer <--token>", or
            "Bearer \(BuiltInServerConfiguration.defaultAuthToken)" when the server has no --token.
            With --token, /chat/{room} requires it too (401 otherwise).
            Any other path: 404 with this list. Details: docs/server.md.
            """
    )

    @Option(help: "The address to listen on (keep 127.0.0.1 unless you know why not).")
    var host = "127.0.0.1"

    @Option(help: "The TCP port; 0 picks a free port (shown in the \"listening on\" line).")
    var port = 9001

    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain: serve wss:// (needs --tls-key).")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key for --tls-cert.")
    var tlsKey: String?

    @Option(help: "Bearer token required by /auth and /chat/{room}.")
    var token: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
    }

    func run() async throws {
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
            FileHandle.standardError.write(Data("error: cannot serve on \(host):\(port): \(error)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data("listening on \(server.url)\n".utf8))
        let signal = await signals.wait()
        logger.info("received signal \(signal), shutting down")
        try await server.shutdown()
    }
}
