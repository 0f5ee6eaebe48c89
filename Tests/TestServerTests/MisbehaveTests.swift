import EngineTestSupport
import TestServer
import Testing

@Suite struct MisbehaveTests {
    private func upgraded(_ server: BuiltInServer, _ kind: String) throws -> TestClient {
        let client = try TestClient(port: server.port, path: "/misbehave/\(kind)")
        #expect(client.response.status == 101)
        return client
    }

    @Test func maskedSendsAMaskedFrame() async throws {
        try await withServer { server in
            let frame = try upgraded(server, "masked").readFrame()
            #expect(frame.masked)
            #expect(frame.text == "masked")
        }
    }

    @Test func badUTF8SendsInvalidText() async throws {
        try await withServer { server in
            let frame = try upgraded(server, "bad-utf8").readFrame()
            #expect(frame.opcode == 1)
            #expect(frame.payload == [0xC3, 0x28])
        }
    }

    @Test func rsv1SetsTheFirstReservedBit() async throws {
        try await withServer { server in
            let frame = try upgraded(server, "rsv1").readFrame()
            #expect(frame.rsv == 4)
            #expect(frame.text == "hello")
        }
    }

    @Test func bigControlSendsA126BytePing() async throws {
        try await withServer { server in
            let frame = try upgraded(server, "big-control").readFrame()
            #expect(frame.opcode == 9)
            #expect(frame.payload.count == 126)
        }
    }

    @Test func reservedOpcodeSendsOpcode3() async throws {
        try await withServer { server in
            let frame = try upgraded(server, "reserved-opcode").readFrame()
            #expect(frame.opcode == 3)
        }
    }

    @Test func badCloseCodeSends1005() async throws {
        try await withServer { server in
            let frame = try upgraded(server, "bad-close-code").readFrame()
            #expect(frame.opcode == 8)
            #expect(frame.closeCode == 1005)
        }
    }

    @Test func dropEndsTCPWithoutAClose() async throws {
        try await withServer { server in
            let client = try upgraded(server, "drop")
            #expect(try client.socket.readToEnd().isEmpty)
        }
    }

    @Test func badAcceptAnswers101WithAWrongAccept() async throws {
        try await withServer { server in
            let client = try upgraded(server, "bad-accept")
            let accept = client.response.header("Sec-WebSocket-Accept")
            #expect(accept != nil)
            #expect(accept != TestClient.expectedAccept)
        }
    }

    @Test func frameWith101ArrivesInTheSameReadThenEchoes() async throws {
        try await withServer { server in
            let client = try upgraded(server, "frame-with-101")
            #expect(client.response.header("Sec-WebSocket-Accept") == TestClient.expectedAccept)
            #expect(client.socket.pending == [0x81, 0x05] + Array("early".utf8))
            #expect(try client.readText() == "early")
            try client.send(text: "after")
            #expect(try client.readText() == "after")
            #expect(try client.close().closeCode == 1000)
        }
    }

    @Test func unknownKindIs404() async throws {
        try await withServer { server in
            let client = try TestClient(port: server.port, path: "/misbehave/nope")
            #expect(client.response.status == 404)
        }
    }
}
