import ArgumentParser
import Foundation
import NIOCore
import ScenarioRunner
import WebSocketCore
import WebSocketEngine

/// `wscenario probe URL`: connects, prints the handshake, sends one text message, prints what comes back, closes.
/// With `--autobahn` it drives an Autobahn|Testsuite fuzzing server through its cases instead.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Connect to a WebSocket server, print the handshake, send one message and print the answer.",
        discussion: """
            Exit status 0 when the upgrade succeeded, an answer arrived and the connection closed cleanly; 1 \
            otherwise (refused, no answer within --timeout, closed by the server); 2 for invalid usage.

            With --autobahn the command acts as an Autobahn|Testsuite client of the fuzzing server at URL: it \
            runs the cases its spec selects, echoing every message, then asks the server to write its reports \
            (see scripts/autobahn-client).

            Examples:
              wscenario probe ws://127.0.0.1:9001/echo
              wscenario probe --text '{"type":"ping"}' wss://api.example.com/ws
              wscenario probe --header 'Authorization: Bearer T' ws://127.0.0.1:9001/auth
              wscenario probe --ca certs/ca.pem wss://localhost:9443/echo
              wscenario probe --autobahn ws://127.0.0.1:9002
            """)

    @Argument(help: ArgumentHelp("ws:// or wss:// URL (with --autobahn: the fuzzing server's URL).", valueName: "URL"))
    var url: String

    @Option(help: ArgumentHelp("The text message to send.", valueName: "TEXT"))
    var text: String = "hello"

    @Option(
        name: .customLong("header"),
        help: ArgumentHelp("An extra request header (repeatable).", valueName: "NAME:VALUE"))
    var headers: [String] = []

    @Option(
        name: .customLong("subprotocol"), help: ArgumentHelp("A subprotocol to offer (repeatable).", valueName: "NAME"))
    var subprotocols: [String] = []

    @Option(help: ArgumentHelp("How long to wait for the answer, in seconds.", valueName: "SECONDS"))
    var timeout: Double = 5

    @Flag(help: "Skip TLS certificate verification.")
    var insecure = false

    @Option(help: ArgumentHelp("PEM file of the CA certificates to trust (wss://).", valueName: "FILE"))
    var ca: String?

    @Flag(help: "Act as an Autobahn|Testsuite client against the fuzzing server at URL.")
    var autobahn = false

    @Option(help: ArgumentHelp("With --autobahn: the agent name reported to the server.", valueName: "NAME"))
    var agent: String = "wscenario"

    @Option(help: ArgumentHelp("Measure against an echo server at URL: sequential or pipelined.", visibility: .hidden))
    var benchmark: String?

    @Option(help: ArgumentHelp("With --benchmark: the number of messages.", visibility: .hidden))
    var count: Int = 100_000

    @Option(help: ArgumentHelp("With --benchmark: bytes per message.", visibility: .hidden))
    var size: Int = 32

    func validate() throws {
        for header in headers {
            guard let colon = header.firstIndex(of: ":"), colon != header.startIndex else {
                throw ValidationError("--header needs NAME:VALUE, got '\(header)'")
            }
        }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be more than 0 seconds") }
        if !autobahn, benchmark == nil, WebSocketURL(url) == nil {
            throw ValidationError("URL must be ws://HOST[:PORT][/PATH] or wss://..., got '\(url)'")
        }
    }

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

    /// A header value as printed: credentials (`Authorization`, `Cookie` ...) as `***`, as in transcripts.
    static func shown(_ name: String, _ value: String) -> String {
        Redactor.sensitiveHeaders.contains(name.lowercased()) ? "***" : value
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
        configuration.tls.caFile = ca
        configuration.connectTimeout = .milliseconds(Int64(timeout * 1000))
        configuration.handshakeTimeout = .milliseconds(Int64(timeout * 1000))
        let inbox = WebSocketEventInbox()
        let result = await WebSocketClient().connect(configuration) { inbox.receive($0) }
        if let request = result.request {
            print("> \(request.method) \(request.path) HTTP/1.1")
            for (name, value) in request.headers { print("> \(name): \(Self.shown(name, value))") }
            print(">")
        }
        if let response = result.response {
            print("< \(response.version) \(response.status) \(response.reason)")
            for (name, value) in response.headers { print("< \(name): \(Self.shown(name, value))") }
            print("<")
            if response.body.readableBytes > 0 { print(response.bodyText) }
        }
        guard let connection = result.connection else {
            StandardError.printLine("error: \(result.error?.description ?? "connection failed")")
            if let error = result.error, error.kind == .tls, error.message.contains("certificate verify failed") {
                StandardError.printLine(
                    "hint: --ca FILE trusts the server's CA; --insecure skips certificate verification")
            }
            return false
        }
        do {
            try await connection.send(text: text)
            print("sent: \(text)")
        } catch {
            if let outcome = await Self.closeOutcome(inbox, within: 1) {
                print("closed: \(outcome)")
                StandardError.printLine(
                    "error: \(Self.describeEnd(outcome, inbox.firstError, else: "before the message could be sent"))")
            } else {
                StandardError.printLine("error: cannot send the message: \(error)")
            }
            return false
        }
        let reply = await inbox.nextMessage(timeout: timeout)
        if let reply {
            print("received \(reply.kind.rawValue): \(reply.kind == .text ? reply.text : Base64.encode(reply.bytes))")
        } else if let outcome = inbox.closeOutcome {
            print("closed: \(outcome)")
            StandardError.printLine("error: \(Self.describeEnd(outcome, inbox.firstError, else: "without answering"))")
            return false
        } else {
            StandardError.printLine("error: no answer within \(Self.seconds(timeout))")
        }
        let outcome = await connection.close(code: 1000, reason: "")
        print("closed: \(outcome)")
        if let error = inbox.firstError { StandardError.printLine("error: \(error)") }
        return reply != nil && outcome.clean && inbox.firstError == nil
    }

    /// Waits (bounded) for the connection to end; its close outcome, or nil when it did not end.
    private static func closeOutcome(_ inbox: WebSocketEventInbox, within seconds: Double) async -> CloseOutcome? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let outcome = inbox.closeOutcome { return outcome }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return inbox.closeOutcome
    }

    /// How the connection ended: the protocol violation that ended it when there was one (the client failed the
    /// connection), else the close.
    static func describeEnd(_ outcome: CloseOutcome, _ error: WebSocketError?, else situation: String) -> String {
        guard let error, error.kind == .protocol else { return describeClose(outcome) + " " + situation }
        return "the server broke the WebSocket protocol (\(error.message)); the connection was failed with "
            + "\(outcome.sentCode.map(String.init) ?? "1002")"
    }

    /// `the server closed the connection with code 4001 ("closing with 4001")`.
    static func describeClose(_ outcome: CloseOutcome) -> String {
        let who = outcome.initiator == .server ? "the server closed the connection" : "the connection was closed"
        let code = outcome.code == 1006 ? "without a close frame (1006)" : "with code \(outcome.code)"
        let reason = outcome.reason.isEmpty ? "" : " (\"\(outcome.reason)\")"
        return "\(who) \(code)\(reason)"
    }

    /// `5s`, `0.5s`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))s" : "\(value)s"
    }
}
