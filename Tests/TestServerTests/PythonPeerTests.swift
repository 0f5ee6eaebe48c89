import EngineTestSupport
import Foundation
import TestServer
import TestSupport
import Testing

/// The server against an independent client: Python `websockets` (scripts/setup-peers installs it).
@Suite struct PythonPeerTests {
    private static let script = """
        import asyncio, json, sys
        from websockets.asyncio.client import connect

        async def main(url):
            async with connect(url + "/echo", max_size=None) as ws:
                await ws.send("hello")
                assert await ws.recv() == "hello"
                await ws.send(b"\\x00\\xff")
                assert await ws.recv() == b"\\x00\\xff"
                await ws.send(["frag", "mented"])
                assert await ws.recv() == "fragmented"
                big = "x" * (1 << 20)
                await ws.send(big)
                assert await ws.recv() == big
                pong = await ws.ping(b"beat")
                await asyncio.wait_for(pong, 5)
            async with connect(url + "/chat/py", subprotocols=["chat.v1", "chat.v2"]) as ws:
                assert ws.subprotocol == "chat.v1", ws.subprotocol
                assert json.loads(await ws.recv())["type"] == "welcome"
                await ws.send(json.dumps({"type": "join", "user": "py"}))
                assert json.loads(await ws.recv()) == {"type": "joined", "who": "py", "room": "py"}
            async with connect(url + "/fragmented") as ws:
                assert await ws.recv() == "hello fragmented world"
                assert await ws.recv() == bytes([1, 2, 3, 4, 5, 6])
            async with connect(url + "/close/4002") as ws:
                try:
                    await ws.recv()
                except Exception:
                    pass
                assert ws.close_code == 4002, ws.close_code
                assert ws.close_reason == "closing with 4002"
            print("python peer ok")

        asyncio.run(asyncio.wait_for(main(sys.argv[1]), 30))
        """

    @Test func pythonWebsocketsClientTalksToTheServer() async throws {
        let python = TestPaths.peersPython
        try #require(FileManager.default.isExecutableFile(atPath: python), "run scripts/setup-peers first")
        let directory = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scriptURL = directory.appendingPathComponent("peer.py")
        try Self.script.write(to: scriptURL, atomically: true, encoding: .utf8)
        try await withServer { server in
            let result = try ProcessRunner.run(python, [scriptURL.path, server.url], timeout: 60)
            #expect(result.exitCode == 0, "\(result.standardError)")
            #expect(result.standardOutput.contains("python peer ok"))
        }
    }
}

@Suite struct TLSTests {
    private static let script = """
        import asyncio, ssl, sys
        from websockets.asyncio.client import connect

        async def main(url, ca):
            context = ssl.create_default_context(cafile=ca)
            async with connect(url + "/echo", ssl=context) as ws:
                await ws.send("over tls")
                assert await ws.recv() == "over tls"
            print("tls ok")

        asyncio.run(asyncio.wait_for(main(sys.argv[1], sys.argv[2]), 30))
        """

    @Test func servesWSSWithACertificateAndKey() async throws {
        let python = TestPaths.peersPython
        try #require(FileManager.default.isExecutableFile(atPath: python), "run scripts/setup-peers first")
        let directory = try TestPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let openssl = try ProcessRunner.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert,
            ],
            timeout: 60
        )
        try #require(openssl.exitCode == 0, "\(openssl.standardError)")
        let scriptURL = directory.appendingPathComponent("tls.py")
        try Self.script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let configuration = BuiltInServerConfiguration(tlsCertificatePath: cert, tlsKeyPath: key)
        try await withServer(configuration) { server in
            #expect(server.url == "wss://127.0.0.1:\(server.port)")
            let result = try ProcessRunner.run(python, [scriptURL.path, server.url, cert], timeout: 60)
            #expect(result.exitCode == 0, "\(result.standardError)")
            #expect(result.standardOutput.contains("tls ok"))
        }
    }

    @Test func refusesACertificateWithoutKey() async throws {
        await #expect(throws: BuiltInServerError.tlsNeedsCertificateAndKey) {
            _ = try await BuiltInServer.start(BuiltInServerConfiguration(tlsCertificatePath: "/nonexistent.pem"))
        }
    }
}
