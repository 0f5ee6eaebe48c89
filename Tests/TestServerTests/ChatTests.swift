import EngineTestSupport
import TestServer
import Testing

@Suite struct ChatTests {
    @Test func membersSeeJoinSayAndLeave() async throws {
        try await withServer { server in
            let alice = try TestClient(port: server.port, path: "/chat/lobby")
            #expect(try alice.readText() == #"{"type":"welcome","room":"lobby","members":[]}"#)
            try alice.send(text: #"{"type":"join","user":"alice"}"#)
            #expect(try alice.readText() == #"{"type":"joined","who":"alice","room":"lobby"}"#)

            let bob = try TestClient(port: server.port, path: "/chat/lobby")
            #expect(try bob.readText() == #"{"type":"welcome","room":"lobby","members":["alice"]}"#)
            try bob.send(text: #"{"type":"join","user":"bob"}"#)
            #expect(try alice.readText() == #"{"type":"joined","who":"bob","room":"lobby"}"#)
            #expect(try bob.readText() == #"{"type":"joined","who":"bob","room":"lobby"}"#)

            try alice.send(text: #"{"type":"say","text":"hi \"bob\""}"#)
            let said = #"{"type":"said","from":"alice","text":"hi \"bob\"","room":"lobby"}"#
            #expect(try alice.readText() == said)
            #expect(try bob.readText() == said)

            try alice.send(text: #"{"type":"leave"}"#)
            #expect(try bob.readText() == #"{"type":"left","who":"alice","room":"lobby"}"#)
            _ = try bob.close()
            #expect(try alice.readText() == #"{"type":"left","who":"alice","room":"lobby"}"#)
            #expect(try alice.readText() == #"{"type":"left","who":"bob","room":"lobby"}"#)
        }
    }

    /// `leave` ends the membership, not the connection (as server.md says): the leaver still gets broadcasts,
    /// cannot `say`, and its close produces no second `left`.
    @Test func aLeaverStaysInTheRoomWithoutBeingAMember() async throws {
        try await withServer { server in
            let alice = try TestClient(port: server.port, path: "/chat/hall")
            _ = try alice.readText()
            try alice.send(text: #"{"type":"join","user":"alice"}"#)
            _ = try alice.readText()
            let bob = try TestClient(port: server.port, path: "/chat/hall")
            _ = try bob.readText()
            try bob.send(text: #"{"type":"join","user":"bob"}"#)
            _ = try alice.readText()
            _ = try bob.readText()
            try alice.send(text: #"{"type":"leave"}"#)
            #expect(try alice.readText() == #"{"type":"left","who":"alice","room":"hall"}"#)
            #expect(try bob.readText() == #"{"type":"left","who":"alice","room":"hall"}"#)
            try bob.send(text: #"{"type":"say","text":"still there?"}"#)
            let said = #"{"type":"said","from":"bob","text":"still there?","room":"hall"}"#
            #expect(try alice.readText() == said)
            #expect(try bob.readText() == said)
            try alice.send(text: #"{"type":"say","text":"yes"}"#)
            #expect(try alice.readText().hasPrefix(#"{"type":"error","message":"#))
            let carol = try TestClient(port: server.port, path: "/chat/hall")
            #expect(try carol.readText() == #"{"type":"welcome","room":"hall","members":["bob"]}"#)
            _ = try alice.close()
            try bob.send(text: #"{"type":"say","text":"next"}"#)
            #expect(
                try bob.readText() == #"{"type":"said","from":"bob","text":"next","room":"hall"}"#, "no second left")
        }
    }

    @Test func roomsAreSeparate() async throws {
        try await withServer { server in
            let one = try TestClient(port: server.port, path: "/chat/one")
            let two = try TestClient(port: server.port, path: "/chat/two")
            _ = try one.readText()
            _ = try two.readText()
            try one.send(text: #"{"type":"join","user":"u1"}"#)
            try two.send(text: #"{"type":"join","user":"u2"}"#)
            #expect(try two.readText() == #"{"type":"joined","who":"u2","room":"two"}"#)
            #expect(try one.readText() == #"{"type":"joined","who":"u1","room":"one"}"#)
        }
    }

    @Test func badRequestsGetAnErrorMessage() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/chat/r")
            _ = try client.readText()
            for request in ["not json", #"{"type":"dance"}"#, #"{"type":"say","text":"x"}"#, #"{"type":"join"}"#] {
                try client.send(text: request)
                #expect(try client.readText().hasPrefix(#"{"type":"error","message":"#))
            }
        }
    }

    @Test(arguments: [("chat.v1, chat.v2", "chat.v1"), ("chat.v2, chat.v1", "chat.v2"), ("x, chat.v2", "chat.v2")])
    func negotiatesInTheClientsOrder(offer: String, chosen: String) async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/chat/p", headers: ["Sec-WebSocket-Protocol": offer])
            #expect(client.response.header("Sec-WebSocket-Protocol") == chosen)
        }
    }

    @Test func tokenIsRequiredWhenConfigured() async throws {
        try await withServer(BuiltInServerConfiguration(token: "abc")) { server in
            let missing = try TestClient(port: server.port, path: "/chat/private")
            #expect(missing.response.status == 401)
            #expect(missing.response.header("WWW-Authenticate") == #"Bearer realm="wscenario""#)
            let right = try TestClient(
                port: server.port, path: "/chat/private", headers: ["Authorization": "Bearer abc"])
            #expect(right.response.status == 101)
        }
    }
}
