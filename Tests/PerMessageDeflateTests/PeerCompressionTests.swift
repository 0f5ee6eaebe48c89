import EngineTestSupport
import Foundation
import NIOCore
import PerMessageDeflate
import TestSupport
import Testing
import WebSocketCore
import WebSocketEngine

/// Interoperability with Python `websockets` (permessage-deflate on by default there) and failures provoked by a raw
/// Python peer that answers with chosen extension headers and frames.
@Suite("permessage-deflate against other peers", .serialized)
struct PeerCompressionTests {
    static func startWebsockets() throws -> (BackgroundProcess, Int) {
        let script = """
            import asyncio
            from websockets.asyncio.server import serve
            async def handler(ws):
                async for message in ws:
                    await ws.send(message)
            async def main():
                async with serve(handler, "127.0.0.1", 0, max_size=2**24) as server:
                    print("listening", server.sockets[0].getsockname()[1], flush=True)
                    await asyncio.Future()
            asyncio.run(main())
            """
        let process = try BackgroundProcess(TestPaths.peersPython, ["-c", script], readyLine: "listening")
        let line = process.output.split(separator: "\n").first { $0.hasPrefix("listening") } ?? ""
        return (process, Int(line.split(separator: " ").last ?? "") ?? 0)
    }

    @Test(
        "round trips against Python websockets, with and without context takeover",
        arguments: [
            "permessage-deflate; client_max_window_bits",
            "permessage-deflate; server_no_context_takeover; client_no_context_takeover",
            "permessage-deflate; server_max_window_bits=10; client_max_window_bits=9",
        ])
    func websocketsRoundTrip(offer: String) async throws {
        let (server, port) = try Self.startWebsockets()
        defer { server.stop() }
        let (result, inbox) = await connect("ws://127.0.0.1:\(port)/") { $0.extensions = [offer] }
        let connection = try #require(result.connection, "\(String(describing: result.error))")
        let parameters = try #require(result.deflate)
        #expect(parameters.serverNoContextTakeover == offer.contains("server_no_context_takeover"))
        let text = String(repeating: "websockets interop über alles ", count: 300)
        for fragments in [1, 1, 4] {
            try await connection.send(text: text, fragments: fragments)
            #expect(await inbox.nextMessage(timeout: 5)?.text == text)
        }
        let binary = (0..<200_000).map { UInt8(truncatingIfNeeded: ($0 * 31) % 97) }
        try await connection.send(binary: binary)
        #expect(await inbox.nextMessage(timeout: 5)?.bytes == binary)
        #expect(await connection.close().clean)
        #expect(inbox.firstError == nil)
        let received = framesIn(inbox).filter { $0.opcode == .text }
        #expect(received.allSatisfy { $0.compressed })
        let sizes = received.map(\.length)
        if parameters.serverNoContextTakeover {
            #expect(sizes[0] == sizes[1])
        } else {
            #expect(sizes[1] < sizes[0])
        }
    }

    @Test("RSV1 on a server control frame fails the connection with 1002")
    func rsv1OnControlFrame() async throws {
        let (peer, port) = try startRawPeer(
            extensions: "permessage-deflate",
            bytes: serverFrame(opcode: .ping, rsv: 0b100, payload: ByteBuffer(string: "x")))
        defer { peer.stop() }
        let (result, inbox) = await connect("ws://127.0.0.1:\(port)/") { $0.extensions = ["permessage-deflate"] }
        _ = try #require(result.connection)
        _ = await waitForClose(inbox)
        #expect(inbox.firstError?.kind == .protocol)
        #expect(inbox.firstError?.closeCode == 1002)
        #expect(inbox.firstError?.message.contains("RSV1 set on a control frame") == true)
    }

    @Test("RSV1 on a continuation frame fails the connection with 1002")
    func rsv1OnContinuation() async throws {
        let bytes =
            serverFrame(opcode: .text, fin: false, payload: ByteBuffer(string: "a"))
            + serverFrame(opcode: .continuation, rsv: 0b100, payload: ByteBuffer(string: "b"))
        let (peer, port) = try startRawPeer(extensions: "permessage-deflate", bytes: bytes)
        defer { peer.stop() }
        let (result, inbox) = await connect("ws://127.0.0.1:\(port)/") { $0.extensions = ["permessage-deflate"] }
        _ = try #require(result.connection)
        _ = await waitForClose(inbox)
        #expect(inbox.firstError?.closeCode == 1002)
        #expect(inbox.firstError?.message.contains("continuation") == true)
    }

    @Test("RSV1 without negotiated compression is still a protocol error")
    func rsv1WithoutNegotiation() async throws {
        let wire = try MessageCompressor(windowBits: 15, noContextTakeover: true)
            .compress(message: ByteBuffer(string: "hi"))
        let (peer, port) = try startRawPeer(
            extensions: "", bytes: serverFrame(opcode: .text, rsv: 0b100, payload: wire))
        defer { peer.stop() }
        let (result, inbox) = await connect("ws://127.0.0.1:\(port)/") { $0.extensions = ["permessage-deflate"] }
        _ = try #require(result.connection)
        #expect(result.deflate == nil)
        _ = await waitForClose(inbox)
        #expect(inbox.firstError?.closeCode == 1002)
    }

    @Test("a decompression bomb is stopped at the maximum message size with 1009")
    func bomb() async throws {
        let zeros = ByteBuffer(repeating: 0, count: 8 << 20)
        let wire = try MessageCompressor(windowBits: 15, noContextTakeover: true).compress(message: zeros)
        let (peer, port) = try startRawPeer(
            extensions: "permessage-deflate", bytes: serverFrame(opcode: .binary, rsv: 0b100, payload: wire))
        defer { peer.stop() }
        let (result, inbox) = await connect("ws://127.0.0.1:\(port)/") {
            $0.extensions = ["permessage-deflate"]
            $0.maxMessageSize = 1 << 20
        }
        _ = try #require(result.connection)
        _ = await waitForClose(inbox)
        #expect(inbox.firstError?.kind == .protocol)
        #expect(inbox.firstError?.closeCode == 1009)
        let closeFrame = framesOut(inbox).first { $0.opcode == .close }
        #expect(closeFrame.flatMap { try? ClosePayload.parse($0.payload).code } == 1009)
        #expect(inbox.events.allSatisfy { if case .messageIn = $0.event { return false } else { return true } })
    }

    @Test(
        "an answer the offer does not allow is a handshake error with the reason",
        arguments: [
            ("permessage-deflate", [String](), "not offered"),
            ("permessage-deflate; client_max_window_bits=10", ["permessage-deflate"], "not offered"),
            (
                "permessage-deflate; server_max_window_bits=8; server_max_window_bits=8", ["permessage-deflate"],
                "duplicate"
            ),
            ("permessage-deflate; server_max_window_bits=16", ["permessage-deflate"], "invalid"),
            ("permessage-deflate; mystery", ["permessage-deflate"], "unknown parameter"),
        ])
    func badAnswer(answer: String, offers: [String], reason: String) async throws {
        let (peer, port) = try startRawPeer(extensions: answer, bytes: [])
        defer { peer.stop() }
        let (result, _) = await connect("ws://127.0.0.1:\(port)/") { $0.extensions = offers }
        #expect(result.connection == nil)
        #expect(result.error?.kind == .handshake)
        #expect(result.error?.message.contains(reason) == true, "\(String(describing: result.error))")
        if case .invalid = result.verdict {} else { Issue.record("verdict \(String(describing: result.verdict))") }
    }
}
