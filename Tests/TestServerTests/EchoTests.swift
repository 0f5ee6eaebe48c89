import EngineTestSupport
import TestServer
import Testing

@Suite struct EchoTests {
    @Test func upgradesWithCorrectAcceptAndEchoesText() async throws {
        try await withServer { server in
            #expect(server.url == "ws://127.0.0.1:\(server.port)")
            let client = try TestClient(port: server.port, path: "/echo")
            #expect(client.response.status == 101)
            #expect(client.response.header("Sec-WebSocket-Accept") == TestClient.expectedAccept)
            try client.send(text: "hello")
            #expect(try client.readText() == "hello")
        }
    }

    @Test func echoesBinaryAndAnswersPings() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/echo")
            try client.send(.binary([0x00, 0xFF, 0x10]))
            let message = try client.readMessage()
            #expect(message.opcode == 2)
            #expect(message.payload == [0x00, 0xFF, 0x10])
            try client.send(RawFrame(opcode: 9, masked: true, payload: Array("beat".utf8)))
            let pong = try client.readFrame()
            #expect(pong.opcode == 10)
            #expect(pong.text == "beat")
        }
    }

    @Test func echoesAFragmentedMessageAsOneFrame() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/echo")
            try client.send(.text("ab", fin: false))
            try client.send(RawFrame(opcode: 9, masked: true, payload: []))
            try client.send(.continuation(Array("cd".utf8), fin: false))
            try client.send(.continuation(Array("é".utf8), fin: true))
            #expect(try client.readFrame().opcode == 10)
            let frame = try client.readFrame()
            #expect(frame == RawFrame(fin: true, opcode: 1, masked: false, payload: Array("abcdé".utf8)))
        }
    }

    @Test func echoesTheCloseCodeAndEndsTheConnection() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/echo")
            let close = try client.close(4000, "bye")
            #expect(close.closeCode == 4000)
            #expect(close.closeReason == "bye")
            #expect(try client.socket.isClosedByPeer())
        }
    }

    @Test(arguments: [
        (RawFrame(opcode: 1, masked: false, payload: Array("unmasked".utf8)), UInt16(1002)),
        (RawFrame(opcode: 1, masked: true, payload: [0xC3, 0x28]), UInt16(1007)),
        (RawFrame.continuation([0x61], fin: true), UInt16(1002)),
        (RawFrame(rsv: 4, opcode: 1, masked: true, payload: [0x61]), UInt16(1002)),
        (RawFrame(opcode: 3, masked: true, payload: []), UInt16(1002)),
        (RawFrame.close(1005), UInt16(1002)),
        (RawFrame(opcode: 8, masked: true, payload: [0x03]), UInt16(1002)),
    ])
    func failsTheConnectionOnProtocolErrors(frame: RawFrame, expectedCode: UInt16) async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/echo")
            try client.send(frame)
            let close = try client.readFrame()
            #expect(close.opcode == 8)
            #expect(close.closeCode == expectedCode)
            #expect(try client.socket.isClosedByPeer())
        }
    }

    @Test func refusesPlainHTTPWith426AndUnknownPathsWith404() async throws {
        try await withServer { server in
            let socket = try RawSocket(port: server.port)
            try socket.write(Array("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
            let plain = String(decoding: try socket.readToEnd(), as: UTF8.self)
            #expect(plain.hasPrefix("HTTP/1.1 426"))
            let client = try TestClient(port: server.port, path: "/nowhere")
            #expect(client.response.status == 404)
            #expect(client.response.body.contains("/echo"))
            #expect(client.response.body.contains("/misbehave/{kind}"))
        }
    }

    @Test func shutdownClosesOpenConnections() async throws {
        let server = try await BuiltInServer.start()
        let client = try TestClient(port: server.port, path: "/echo")
        #expect(client.response.status == 101)
        try await server.shutdown()
        // A close handshake first (1001), then the end of the TCP connection.
        let close = try client.readFrame()
        #expect(close.opcode == 8)
        #expect(close.closeCode == 1001)
        #expect(try client.socket.isClosedByPeer())
        #expect(throws: (any Error).self) { try RawSocket(port: server.port) }
    }
}
