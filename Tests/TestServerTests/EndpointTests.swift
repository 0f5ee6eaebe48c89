import EngineTestSupport
import TestServer
import Testing

@Suite struct EndpointTests {
    @Test func streamSendsNumberedMessagesThenCloses1000() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/stream?count=3&interval=10")
            #expect(try client.readText() == #"{"seq":1}"#)
            #expect(try client.readText() == #"{"seq":2}"#)
            #expect(try client.readText() == #"{"seq":3}"#)
            let close = try client.readFrame()
            #expect(close.closeCode == 1000)
            try client.send(.close(1000))
            #expect(try client.socket.isClosedByPeer())
        }
    }

    @Test func rejectRefusesWithTheStatusHeaderAndBody() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/reject/403")
            #expect(client.response.status == 403)
            #expect(client.response.header("X-Reject-Reason") == "requested")
            #expect(client.response.body == "rejected with 403")
            #expect(client.response.header("WWW-Authenticate") == nil)
            let unauthorized = try TestClient(port: server.port, path: "/reject/401")
            #expect(unauthorized.response.status == 401)
            #expect(unauthorized.response.header("WWW-Authenticate") == #"Bearer realm="wscenario""#)
        }
    }

    @Test func closeClosesAtOnceWithCodeAndReason() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/close/4001")
            let close = try client.readFrame()
            #expect(close.closeCode == 4001)
            #expect(close.closeReason == "closing with 4001")
            try client.send(.close(4001))
            #expect(try client.socket.isClosedByPeer())
        }
    }

    @Test func authNeedsTheBearerToken() async throws {
        try await withServer { server in
            let missing = try TestClient(port: server.port, path: "/auth")
            #expect(missing.response.status == 401)
            #expect(missing.response.header("WWW-Authenticate") == #"Bearer realm="wscenario""#)
            #expect(!missing.response.body.isEmpty)
            let wrong = try TestClient(port: server.port, path: "/auth", headers: ["Authorization": "Bearer nope"])
            #expect(wrong.response.status == 401)
            let token = BuiltInServerConfiguration.defaultAuthToken
            let right = try TestClient(port: server.port, path: "/auth", headers: ["Authorization": "Bearer \(token)"])
            #expect(right.response.status == 101)
            try right.send(text: "in")
            #expect(try right.readText() == "in")
            // The scheme is case-insensitive (RFC 9110 §11.1); another scheme is named as such.
            let lower = try TestClient(port: server.port, path: "/auth", headers: ["Authorization": "bearer \(token)"])
            #expect(lower.response.status == 101)
            let basic = try TestClient(port: server.port, path: "/auth", headers: ["Authorization": "Basic \(token)"])
            #expect(basic.response.status == 401)
            #expect(basic.response.body.hasPrefix("not a bearer token"))
        }
        try await withServer(BuiltInServerConfiguration(token: "T0k")) { server in
            let old = try TestClient(
                port: server.port, path: "/auth", headers: ["Authorization": "Bearer secret-token"])
            #expect(old.response.status == 401)
            let right = try TestClient(port: server.port, path: "/auth", headers: ["Authorization": "Bearer T0k"])
            #expect(right.response.status == 101)
        }
    }

    @Test(arguments: [
        ("/subprotocols?supported=a,b", "b, a", "b"),
        ("/subprotocols?supported=a,b&prefer=server", "b, a", "a"),
        ("/subprotocols?offer=a,b", "x, a", "a"),
        ("/subprotocols?select=zzz", "a", "zzz"),
        ("/subprotocols", "first, second", "first"),
    ])
    func subprotocolsNegotiatesFromTheList(path: String, offer: String, chosen: String) async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: path, headers: ["Sec-WebSocket-Protocol": offer])
            #expect(client.response.status == 101)
            #expect(client.response.header("Sec-WebSocket-Protocol") == chosen)
            try client.send(text: "echo?")
            #expect(try client.readText() == "echo?")
        }
    }

    @Test func subprotocolsAnswersNoneWhenNothingMatches() async throws {
        try await withServer { server in
            let client = try TestClient(
                port: server.port, path: "/subprotocols?supported=a", headers: ["Sec-WebSocket-Protocol": "b"])
            #expect(client.response.status == 101)
            #expect(client.response.header("Sec-WebSocket-Protocol") == nil)
        }
    }

    @Test func slowUpgradesThenEchoes() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/slow?delay=100")
            #expect(client.response.status == 101)
            try client.send(text: "late")
            #expect(try client.readText() == "late")
        }
    }

    @Test func silentSendsNothingButAnswersTheClose() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/silent")
            try client.send(RawFrame(opcode: 9, masked: true, payload: Array("anyone?".utf8)))
            try client.send(text: "hello?")
            try client.send(.close(1000))
            let first = try client.readFrame()
            #expect(first.opcode == 8)
            #expect(first.closeCode == 1000)
        }
    }

    @Test func fragmentedSendsFragmentedMessagesThenEchoes() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/fragmented")
            let frames = try (0..<5).map { _ in try client.readFrame() }
            #expect(frames.map(\.opcode) == [1, 0, 0, 2, 0])
            #expect(frames.map(\.fin) == [false, false, true, false, true])
            #expect(frames[0..<3].flatMap(\.payload) == Array("hello fragmented world".utf8))
            #expect(frames[3..<5].flatMap(\.payload) == [1, 2, 3, 4, 5, 6])
            try client.send(text: "then echo")
            #expect(try client.readText() == "then echo")
        }
    }

    @Test func pingReportsThePong() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/ping")
            let ping = try client.readFrame()
            #expect(ping.opcode == 9)
            #expect(ping.text == "hello?")
            try client.send(RawFrame(opcode: 10, masked: true, payload: Array("wrong".utf8)))
            try client.send(RawFrame(opcode: 10, masked: true, payload: ping.payload))
            #expect(try client.readText() == "pong received")
        }
    }

    @Test func pingReportsAMissingPong() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/ping")
            #expect(try client.readFrame().opcode == 9)
            #expect(try client.readText() == "no pong")
        }
    }

    @Test func heartbeatBeatsAndEchoes() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/heartbeat?interval=20")
            #expect(try client.readText() == #"{"type":"heartbeat"}"#)
            try client.send(text: "mine")
            var texts: [String] = []
            while texts.last != "mine" && texts.count < 1000 { texts.append(try client.readText()) }
            #expect(texts.last == "mine")
            #expect(Set(texts.dropLast()).isSubset(of: [#"{"type":"heartbeat"}"#]))
        }
    }

    @Test(arguments: ["/stream?count=x", "/slow?delay=-1", "/reject/abc", "/close/99", "/heartbeat?interval=0"])
    func invalidParametersGet400(path: String) async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: path)
            #expect(client.response.status == 400)
            #expect(!client.response.body.isEmpty)
        }
    }
}
