import Foundation
import TestSupport
import Testing

/// IPv6 literals end to end: `wscenario serve --host ::1`, then a scenario connecting to `ws://[::1]:PORT` and
/// calling `http://[::1]:PORT`, over real sockets. Runs where the machine has an IPv6 loopback.
@Suite(.enabled(if: IPv6Loopback.available, "this machine cannot bind [::1]"))
struct IPv6LoopbackTests {
    @Test func aScenarioReachesTheBuiltInServerOverIPv6() throws {
        let server = try BackgroundProcess(
            TestPaths.wscenarioBinary, ["serve", "--host", "::1", "--port", "0"], readyLine: "listening on ws://[::1]:")
        defer { server.stop() }
        let line = try #require(server.output.split(separator: "\n").first { $0.hasPrefix("listening on ") })
        let port = try #require(Int(line.split(separator: ":").last ?? ""))
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try cli.write(
            "scenarios/v6.yaml",
            """
            name: over ipv6
            steps:
              - connect: ws://[::1]:\(port)/echo
              - expect_handshake: { status: 101 }
              - send: hello over v6
              - expect_message: hello over v6
              - http: { method: POST, url: "http://[::1]:\(port)/login", json: { user: v6 }, expect: { status: 200 } }
              - close
            """)
        let run = try cli.run(["run"])
        #expect(run.exitCode == 0, "\(run.standardOutput)\n\(run.standardError)")
        let events = try cli.events(".wscenario/transcripts/scenarios/v6/over-ipv6.jsonl")
        let request = try #require(events.first { $0["event"] as? String == "handshake_request" })
        let headers = request["headers"] as? [String: Any]
        #expect(headers?["Host"] as? String == "[::1]:\(port)", "\(request)")
        #expect(server.output.contains("POST /login -> 200"), "\(server.output)")
    }
}

/// Whether a TCP socket can bind `::1` here.
enum IPv6Loopback {
    static let available: Bool = {
        let descriptor = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_addr = in6addr_loopback
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0
            }
        }
    }()
}
