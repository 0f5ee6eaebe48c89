import EngineTestSupport
import Foundation
import NIOCore
import TestSupport
import Testing
import WebSocketCore
import WebSocketEngine

/// Interoperability with an independent implementation: Python `websockets` (from `.peers/venv`).
@Suite(.serialized) struct PythonPeerTests {
    /// An echo server that also closes with 4001 "as asked" when it receives "close-me", and answers the
    /// subprotocol chat.v1 when offered. With `tls`, it serves wss:// with the given cert and key.
    static func startServer(certificate: String? = nil, key: String? = nil, clientCA: String? = nil) throws
        -> (BackgroundProcess, Int)
    {
        let script = """
            import asyncio, ssl, sys
            from websockets.asyncio.server import serve
            async def handler(ws):
                async for message in ws:
                    if message == "close-me":
                        await ws.close(4001, "as asked")
                        return
                    await ws.send(message)
            async def main():
                context = None
                if len(sys.argv) > 3:
                    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                    context.load_cert_chain(sys.argv[2], sys.argv[3])
                    if len(sys.argv) > 4:
                        context.verify_mode = ssl.CERT_REQUIRED
                        context.load_verify_locations(sys.argv[4])
                def select(connection, offered):
                    return "chat.v1" if "chat.v1" in offered else None
                async with serve(handler, "127.0.0.1", 0, select_subprotocol=select, ssl=context,
                                 max_size=2**24) as server:
                    print("listening", server.sockets[0].getsockname()[1], flush=True)
                    await asyncio.Future()
            asyncio.run(main())
            """
        var arguments = ["-c", script, "x"]
        if let certificate, let key { arguments += [certificate, key] }
        if let clientCA { arguments.append(clientCA) }
        let process = try BackgroundProcess(TestPaths.peersPython, arguments, readyLine: "listening")
        let line = process.output.split(separator: "\n").first { $0.hasPrefix("listening") } ?? ""
        let port = Int(line.split(separator: " ").last ?? "") ?? 0
        return (process, port)
    }

    @Test func aSubprotocolOfferedThroughAnExtraHeaderCounts() async throws {
        let (server, port) = try Self.startServer()
        defer { server.stop() }
        let (result, _) = await connect("ws://127.0.0.1:\(port)/echo") {
            $0.headers = [("Sec-WebSocket-Protocol", "chat.v1")]
        }
        let connection = try #require(result.connection, "\(String(describing: result.error))")
        #expect(result.subprotocol == "chat.v1")
        _ = await connection.close()
        // The same for an extension: permessage-deflate offered by header is negotiated and used.
        let (deflated, inbox) = await connect("ws://127.0.0.1:\(port)/echo") {
            $0.headers = [("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")]
        }
        let compressed = try #require(deflated.connection, "\(String(describing: deflated.error))")
        #expect(deflated.deflate != nil)
        try await compressed.send(text: String(repeating: "squeeze ", count: 100))
        #expect(await inbox.nextMessage(timeout: 5)?.text == String(repeating: "squeeze ", count: 100))
        _ = await compressed.close()
    }

    @Test func echoesFragmentedMessagesAndClosesCleanly() async throws {
        let (server, port) = try Self.startServer()
        defer { server.stop() }
        let (result, inbox) = await connect("ws://127.0.0.1:\(port)/echo") {
            $0.subprotocols = ["chat.v2", "chat.v1"]
            $0.headers = [("X-Test", "1")]
        }
        let connection = try #require(result.connection, "\(String(describing: result.error))")
        #expect(result.subprotocol == "chat.v1")
        try await connection.send(text: "hello, wörld", fragments: 4)
        #expect(await inbox.nextMessage(timeout: 5)?.text == "hello, wörld")
        let big = [UInt8]((0..<70_000).map { UInt8(truncatingIfNeeded: $0) })
        try await connection.send(binary: big, fragments: 3)
        #expect(await inbox.nextMessage(timeout: 5)?.bytes == big)
        try await connection.ping(Array("beat".utf8))
        let outcome = await connection.close(code: 1000, reason: "bye")
        #expect(outcome.code == 1000)
        #expect(outcome.initiator == .client)
        #expect(outcome.clean)
        #expect(inbox.firstError == nil)
        let names = eventNames(inbox)
        #expect(names.contains("in pong"))
        #expect(names.last == "closed 1000")
    }

    @Test func serverInitiatedCloseIsEchoed() async throws {
        let (server, port) = try Self.startServer()
        defer { server.stop() }
        let (result, inbox) = await connect("ws://127.0.0.1:\(port)/")
        let connection = try #require(result.connection)
        try await connection.send(text: "close-me")
        let outcome = await connection.closed()
        #expect(
            outcome == CloseOutcome(code: 4001, reason: "as asked", initiator: .server, clean: true, sentCode: 4001))
        #expect(inbox.firstError == nil)
        #expect(eventNames(inbox).suffix(3) == ["in close", "out close", "closed 4001"])
    }

    /// Makes a self-signed certificate for localhost / 127.0.0.1; returns (certificate, key) paths.
    static func makeCertificate(in directory: URL, name: String) throws -> (String, String) {
        let certificate = directory.appendingPathComponent("\(name).pem").path
        let key = directory.appendingPathComponent("\(name)-key.pem").path
        let openssl = try ProcessRunner.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ], timeout: 30)
        try #require(openssl.exitCode == 0, "\(openssl.standardError)")
        return (certificate, key)
    }

    @Test func presentsAClientCertificate() async throws {
        let directory = try TestPaths.makeTemporaryDirectory("mtls")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (certificate, key) = try Self.makeCertificate(in: directory, name: "server")
        let (clientCertificate, clientKey) = try Self.makeCertificate(in: directory, name: "client")
        let (server, port) = try Self.startServer(certificate: certificate, key: key, clientCA: clientCertificate)
        defer { server.stop() }
        let (anonymous, _) = await connect("wss://127.0.0.1:\(port)/") { $0.tls.caFile = certificate }
        #expect(anonymous.connection == nil)
        #expect(
            anonymous.error?.kind == .tls || anonymous.error?.kind == .closed, "\(String(describing: anonymous.error))")
        let (authenticated, inbox) = await connect("wss://127.0.0.1:\(port)/") {
            $0.tls = WebSocketTLSOptions(caFile: certificate, certificateFile: clientCertificate, keyFile: clientKey)
        }
        let connection = try #require(authenticated.connection, "\(String(describing: authenticated.error))")
        try await connection.send(text: "mutual")
        #expect(await inbox.nextMessage(timeout: 5)?.text == "mutual")
        #expect(await connection.close().clean)
    }

    @Test func connectsOverTLS() async throws {
        let directory = try TestPaths.makeTemporaryDirectory("wss")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (certificate, key) = try Self.makeCertificate(in: directory, name: "server")
        let (server, port) = try Self.startServer(certificate: certificate, key: key)
        defer { server.stop() }
        // Untrusted certificate: a TLS error.
        let (untrusted, _) = await connect("wss://localhost:\(port)/")
        #expect(untrusted.error?.kind == .tls)
        // Insecure: accepted.
        let (insecure, insecureInbox) = await connect("wss://127.0.0.1:\(port)/") { $0.tls.insecure = true }
        let insecureConnection = try #require(insecure.connection, "\(String(describing: insecure.error))")
        try await insecureConnection.send(text: "secret")
        #expect(await insecureInbox.nextMessage(timeout: 5)?.text == "secret")
        _ = await insecureConnection.close()
        // Trusted through the CA file, with an SNI override.
        let (trusted, _) = await connect("wss://127.0.0.1:\(port)/") {
            $0.tls.caFile = certificate
            $0.tls.serverName = "localhost"
        }
        let trustedConnection = try #require(trusted.connection, "\(String(describing: trusted.error))")
        #expect(await trustedConnection.close().clean)
    }
}
