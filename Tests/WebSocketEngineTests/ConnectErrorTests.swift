import EngineTestSupport
import NIOCore
import NIOPosix
import Testing
import WebSocketCore
import WebSocketEngine

@Suite struct ConnectErrorTests {
    @Test func aClosedPortIsRefused() async throws {
        // Bind a port, then close it: nothing listens there any more.
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress!.port!
        try await channel.close()
        let (result, inbox) = await connect("ws://127.0.0.1:\(port)/")
        #expect(result.error?.kind == .refused)
        #expect(result.request == nil)
        #expect(eventNames(inbox) == ["error refused"])
    }

    @Test func anUnknownHostIsADNSError() async {
        let (result, _) = await connect("ws://no-such-host.invalid/") { $0.connectTimeout = .seconds(3) }
        #expect(result.error?.kind == .dns)
    }

    @Test func aMalformedURLIsAConfigurationError() async {
        let (result, _) = await connect("http://127.0.0.1/")
        #expect(result.error?.kind == .invalidConfiguration)
    }

    @Test func urlsAreParsed() throws {
        let plain = try #require(WebSocketURL("ws://127.0.0.1:9001/chat/lobby?x=1#frag"))
        #expect(plain == WebSocketURL(secure: false, host: "127.0.0.1", port: 9001, path: "/chat/lobby?x=1"))
        #expect(plain.hostHeader == "127.0.0.1:9001")
        let secure = try #require(WebSocketURL("wss://example.com"))
        #expect(secure.port == 443 && secure.path == "/" && secure.hostHeader == "example.com")
        let ipv6 = try #require(WebSocketURL("ws://[::1]:8080?q"))
        #expect(ipv6.host == "::1" && ipv6.port == 8080 && ipv6.path == "/?q" && ipv6.hostHeader == "[::1]:8080")
        #expect(ipv6.hostIsAddress && plain.hostIsAddress && !secure.hostIsAddress)
        #expect(WebSocketURL("ws://host:99999/") == nil)
        #expect(WebSocketURL("ws:///path") == nil)
    }
}
