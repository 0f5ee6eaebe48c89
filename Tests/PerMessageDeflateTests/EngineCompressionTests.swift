import EngineTestSupport
import NIOCore
import PerMessageDeflate
import TestServer
import TestSupport
import Testing
import WebSocketCore
import WebSocketEngine

@Suite("permessage-deflate in the client engine", .serialized)
struct EngineCompressionTests {
    static let text = String(repeating: "compress me, please; ", count: 200)

    /// The frame limit is on messages as sent: a message of exactly the limit that does not compress grows a little
    /// when deflated, and its compressed frame must still be accepted.
    @Test("an incompressible message of exactly the size limit comes back through permessage-deflate")
    func incompressibleMessageAtTheLimit() async throws {
        try await withServer { server in
            let limit = 64 * 1024
            let (result, inbox) = await connect("ws://127.0.0.1:\(server.port)/echo") {
                $0.extensions = ["permessage-deflate"]
                $0.maxFrameSize = limit
                $0.maxMessageSize = limit
            }
            let connection = try #require(result.connection, "\(String(describing: result.error))")
            var generator = SystemRandomNumberGenerator()
            let noise = (0..<limit).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try await connection.send(binary: noise)
            #expect(await inbox.nextMessage(timeout: 5)?.bytes == noise, "\(String(describing: inbox.firstError))")
            let echo = try #require(framesIn(inbox).first { $0.opcode == .binary })
            #expect(echo.compressed && echo.length > UInt64(limit), "the compressed frame is longer than the limit")
            #expect(await connection.close().clean)
        }
    }

    @Test("round trip against the built-in server: compressed both ways, records keep wire and plain payloads")
    func builtInServerRoundTrip() async throws {
        try await withServer { server in
            let (result, inbox) = await connect("ws://127.0.0.1:\(server.port)/echo") {
                $0.extensions = ["permessage-deflate; client_max_window_bits"]
            }
            let connection = try #require(result.connection, "\(String(describing: result.error))")
            #expect(result.deflate == PerMessageDeflateParameters())
            #expect(connection.deflate == PerMessageDeflateParameters())
            #expect(result.extensions == ["permessage-deflate"])
            try await connection.send(text: Self.text)
            #expect(await inbox.nextMessage(timeout: 5)?.text == Self.text)
            try await connection.send(text: Self.text, fragments: 3)
            #expect(await inbox.nextMessage(timeout: 5)?.text == Self.text)
            let binary = (0..<50_000).map { UInt8(truncatingIfNeeded: $0 % 17) }
            try await connection.send(binary: binary)
            #expect(await inbox.nextMessage(timeout: 5)?.bytes == binary)
            try await connection.send(text: "")
            #expect(await inbox.nextMessage(timeout: 5)?.text == "")
            #expect(await connection.close().clean)
            let out = framesOut(inbox).filter { $0.opcode != .close }
            #expect(out.first?.rsv == 0b100)
            #expect(out.first?.compressed == true)
            #expect(out.first.map { $0.length < $0.uncompressedLength } == true)
            #expect(out.first.map { String(buffer: $0.payload) } == Self.text)
            #expect(out[1].rsv == 0b100 && out[2].rsv == 0 && out[3].rsv == 0)
            #expect(out[1...3].map { String(buffer: $0.payload) }.joined() == Self.text)
            let received = framesIn(inbox).filter { $0.opcode == .text }
            #expect(received.first?.compressed == true)
            #expect(received.first?.rsv == 0b100)
            #expect(received.first.map { Int($0.length) == $0.wirePayload?.readableBytes } == true)
            #expect(received.first.map { $0.length < $0.uncompressedLength } == true)
            #expect(inbox.firstError == nil)
        }
    }

    @Test("parameters are negotiated with the built-in server and honoured: no takeover, small windows")
    func builtInServerParameters() async throws {
        try await withServer { server in
            let (result, inbox) = await connect("ws://127.0.0.1:\(server.port)/echo") {
                $0.extensions = [
                    "permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                        + "server_max_window_bits=9; client_max_window_bits=8"
                ]
            }
            let connection = try #require(result.connection, "\(String(describing: result.error))")
            #expect(
                result.deflate
                    == PerMessageDeflateParameters(
                        serverNoContextTakeover: true, clientNoContextTakeover: true, serverMaxWindowBits: 9,
                        clientMaxWindowBits: 8))
            for _ in 0..<3 {
                try await connection.send(text: Self.text)
                #expect(await inbox.nextMessage(timeout: 5)?.text == Self.text)
            }
            _ = await connection.close()
            // No context takeover on either side: the same message has the same size every time.
            let outSizes = framesOut(inbox).filter { $0.opcode == .text }.map(\.length)
            let inSizes = framesIn(inbox).filter { $0.opcode == .text }.map(\.length)
            #expect(outSizes.count == 3 && Set(outSizes).count == 1)
            #expect(inSizes.count == 3 && Set(inSizes).count == 1)
            #expect(inbox.firstError == nil)
        }
    }

    @Test("with context takeover, repeating a message costs far fewer bytes on the wire (both ways)")
    func contextTakeoverShrinksRepeats() async throws {
        try await withServer { server in
            let (result, inbox) = await connect("ws://127.0.0.1:\(server.port)/echo") {
                $0.extensions = ["permessage-deflate"]
            }
            let connection = try #require(result.connection)
            let message = String((0..<600).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! })
            for _ in 0..<2 {
                try await connection.send(text: message)
                #expect(await inbox.nextMessage(timeout: 5)?.text == message)
            }
            _ = await connection.close()
            let out = framesOut(inbox).filter { $0.opcode == .text }.map(\.length)
            let received = framesIn(inbox).filter { $0.opcode == .text }.map(\.length)
            #expect(out.count == 2 && out[1] * 4 < out[0])
            #expect(received.count == 2 && received[1] * 4 < received[0])
        }
    }

    @Test("the built-in server without compression leaves the connection uncompressed")
    func serverDeclines() async throws {
        var configuration = BuiltInServerConfiguration()
        configuration.permessageDeflate = false
        try await withServer(configuration) { server in
            let (result, inbox) = await connect("ws://127.0.0.1:\(server.port)/echo") {
                $0.extensions = ["permessage-deflate"]
            }
            let connection = try #require(result.connection)
            #expect(result.deflate == nil)
            try await connection.send(text: "plain")
            #expect(await inbox.nextMessage(timeout: 5)?.text == "plain")
            _ = await connection.close()
            #expect(framesOut(inbox).first?.rsv == 0)
        }
    }

    @Test("the built-in server fails a client frame with RSV1 on a control frame with 1002")
    func serverRejectsCompressedPing() async throws {
        try await withServer { server in
            let (result, inbox) = await connect("ws://127.0.0.1:\(server.port)/echo") {
                $0.extensions = ["permessage-deflate"]
            }
            let connection = try #require(result.connection)
            try await connection.sendFrame(RawFrame(opcode: .ping, rsv: 0b100, payload: ByteBuffer(string: "x")))
            let outcome = await waitForClose(inbox)
            #expect(outcome?.code == 1002)
        }
    }

    @Test("a deliberately broken compressed frame (raw, RSV1) makes the built-in server close with 1007")
    func serverRejectsCorruptData() async throws {
        try await withServer { server in
            let (result, inbox) = await connect("ws://127.0.0.1:\(server.port)/echo") {
                $0.extensions = ["permessage-deflate"]
            }
            let connection = try #require(result.connection)
            try await connection.sendFrame(
                RawFrame(opcode: .text, rsv: 0b100, payload: ByteBuffer(bytes: [0xFF, 0xFF, 0xFF])))
            let outcome = await waitForClose(inbox)
            #expect(outcome?.code == 1007)
        }
    }
}
