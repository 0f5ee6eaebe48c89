import ArgumentParser
import Foundation
import NIOCore
import WebSocketCore
import WebSocketEngine

/// `wscenario probe URL`: connects, prints the handshake, sends one text message, prints what comes back, closes.
/// With `--autobahn` it drives an Autobahn|Testsuite fuzzing server through its cases instead.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Connect to a WebSocket server, print the handshake, send one message and print the answer.",
        discussion: """
            Exit status 0 when the upgrade succeeded and the connection closed cleanly, 1 otherwise.
            With --autobahn URL the command acts as an Autobahn|Testsuite client (fuzzingserver): it runs the
            cases its spec selects, echoing every message, then asks the server to write its reports
            (see scripts/autobahn-client).
            """)

    @Argument(help: "ws:// or wss:// URL (with --autobahn: the fuzzing server's URL).")
    var url: String

    @Option(help: "The text message to send.")
    var text: String = "hello"

    @Option(name: .customLong("header"), help: "An extra request header NAME:VALUE (repeatable).")
    var headers: [String] = []

    @Option(name: .customLong("subprotocol"), help: "A subprotocol to offer (repeatable).")
    var subprotocols: [String] = []

    @Option(help: "How long to wait for the answer, in seconds.")
    var timeout: Double = 5

    @Flag(help: "Skip TLS certificate verification.")
    var insecure = false

    @Flag(help: "Act as an Autobahn|Testsuite client against the fuzzing server at URL.")
    var autobahn = false

    @Option(help: "With --autobahn: the agent name reported to the server.")
    var agent: String = "wscenario"

    @Option(help: ArgumentHelp("Measure against an echo server at URL: sequential or pipelined.", visibility: .hidden))
    var benchmark: String?

    @Option(help: ArgumentHelp("With --benchmark: the number of messages.", visibility: .hidden))
    var count: Int = 100_000

    @Option(help: ArgumentHelp("With --benchmark: bytes per message.", visibility: .hidden))
    var size: Int = 32

    func run() async throws {
        if autobahn {
            let driver = AutobahnClient(serverURL: url, agent: agent)
            let ok = await driver.run()
            throw ExitCode(ok ? 0 : 1)
        }
        if let benchmark {
            let bench = EngineBenchmark(url: url, size: size)
            let measurement =
                benchmark == "pipelined"
                ? try await bench.pipelined(count: count) : try await bench.sequential(count: count)
            print(measurement)
            return
        }
        let ok = await probe()
        throw ExitCode(ok ? 0 : 1)
    }

    private func probe() async -> Bool {
        var configuration = WebSocketClientConfiguration(url: url)
        configuration.headers = headers.compactMap { header in
            guard let colon = header.firstIndex(of: ":") else { return nil }
            return (
                String(header[..<colon]),
                String(header[header.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            )
        }
        configuration.subprotocols = subprotocols
        configuration.tls.insecure = insecure
        configuration.connectTimeout = .milliseconds(Int64(timeout * 1000))
        configuration.handshakeTimeout = .milliseconds(Int64(timeout * 1000))
        let inbox = WebSocketEventInbox()
        let result = await WebSocketClient().connect(configuration) { inbox.receive($0) }
        if let request = result.request {
            print("> \(request.method) \(request.path) HTTP/1.1")
            for (name, value) in request.headers { print("> \(name): \(value)") }
            print(">")
        }
        if let response = result.response {
            print("< \(response.version) \(response.status) \(response.reason)")
            for (name, value) in response.headers { print("< \(name): \(value)") }
            print("<")
            if response.body.readableBytes > 0 { print(response.bodyText) }
        }
        guard let connection = result.connection else {
            Self.printError("error: \(result.error?.description ?? "connection failed")")
            return false
        }
        do {
            try await connection.send(text: text)
            print("sent: \(text)")
        } catch {
            Self.printError("error: \(error)")
            return false
        }
        let reply = await inbox.nextMessage(timeout: timeout)
        if let reply {
            print("received \(reply.kind.rawValue): \(reply.kind == .text ? reply.text : Base64.encode(reply.bytes))")
        } else {
            Self.printError("error: no message within \(timeout)s")
        }
        let outcome = await connection.close(code: 1000, reason: "")
        print("closed: \(outcome)")
        if let error = inbox.firstError { Self.printError("error: \(error)") }
        return reply != nil && outcome.clean && inbox.firstError == nil
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
