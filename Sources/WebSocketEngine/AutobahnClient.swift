import NIOCore
import WebSocketCore

/// Drives an Autobahn|Testsuite fuzzing server (`wstest -m fuzzingserver`) with this engine: asks for the number of
/// cases, runs each one echoing every data message until the server closes, then asks for the reports.
public struct AutobahnClient: Sendable {
    /// The fuzzing server's base URL, e.g. `ws://127.0.0.1:9001`.
    public var serverURL: String
    /// The agent name the results are filed under.
    public var agent: String
    /// Where progress lines go.
    public var log: @Sendable (String) -> Void

    public init(
        serverURL: String, agent: String = "wscenario", log: @escaping @Sendable (String) -> Void = { print($0) }
    ) {
        self.serverURL = serverURL.hasSuffix("/") ? String(serverURL.dropLast()) : serverURL
        self.agent = agent
        self.log = log
    }

    /// Runs every case; `false` if the server could not be driven (case results are in the server's report).
    public func run() async -> Bool {
        let client = WebSocketClient()
        guard let countText = await fetchText(client, path: "/getCaseCount"), let count = Int(countText) else {
            log("autobahn: cannot read the case count from \(serverURL)")
            return false
        }
        log("autobahn: \(count) cases")
        for index in 1...max(count, 1) where count > 0 {
            await runCase(client, index: index)
        }
        let inbox = WebSocketEventInbox(keepEvents: false)
        let result = await client.connect(configuration(path: "/updateReports?agent=\(agent)")) { inbox.receive($0) }
        guard let connection = result.connection else {
            log("autobahn: updateReports failed: \(result.error?.description ?? "?")")
            return false
        }
        _ = await connection.closed()
        log("autobahn: reports updated")
        return true
    }

    private func configuration(path: String) -> WebSocketClientConfiguration {
        var configuration = WebSocketClientConfiguration(url: serverURL + path)
        // Offer compression so the 12.* and 13.* (permessage-deflate) cases run; the server may limit our window.
        configuration.extensions = ["permessage-deflate; client_max_window_bits"]
        configuration.handshakeTimeout = .seconds(30)
        configuration.closeTimeout = .seconds(5)
        return configuration
    }

    private func fetchText(_ client: WebSocketClient, path: String) async -> String? {
        let inbox = WebSocketEventInbox(keepEvents: false)
        let result = await client.connect(configuration(path: path)) { inbox.receive($0) }
        guard let connection = result.connection else { return nil }
        let message = await inbox.nextMessage(timeout: 30)
        _ = await connection.close()
        return message?.text
    }

    private func runCase(_ client: WebSocketClient, index: Int) async {
        var caseConfiguration = configuration(path: "/runCase?case=\(index)&agent=\(agent)")
        caseConfiguration.echoMessages = true
        let result = await client.connect(caseConfiguration) { _ in }
        guard let connection = result.connection else {
            log("autobahn: case \(index): \(result.error?.description ?? "connect failed")")
            return
        }
        let outcome = await connection.closed()
        log("autobahn: case \(index): \(outcome)")
    }
}
