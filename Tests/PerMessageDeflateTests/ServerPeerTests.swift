import EngineTestSupport
import Foundation
import TestServer
import TestSupport
import Testing

/// The built-in server's permessage-deflate against an independent client: Python `websockets`.
@Suite("permessage-deflate in the built-in server, Python websockets client", .serialized)
struct ServerPeerTests {
    static let script = """
        import sys
        from websockets.sync.client import connect
        from websockets.extensions.permessage_deflate import ClientPerMessageDeflateFactory
        url, options = sys.argv[1], eval(sys.argv[2])
        factory = ClientPerMessageDeflateFactory(**options)
        with connect(url, extensions=[factory], compression=None, max_size=2**24) as ws:
            print("negotiated", ws.protocol.extensions[0].name, repr(ws.protocol.extensions[0]), flush=True)
            text = "over and over again, " * 500
            data = bytes(i % 13 for i in range(100000))
            for message in [text, text, data, "", text]:
                ws.send(message)
                assert ws.recv(timeout=5) == message, "echo differs"
            ws.send([text[:100], text[100:]])
            assert ws.recv(timeout=5) == text, "fragmented echo differs"
            print("ok", flush=True)
        """

    @Test(
        "Python websockets round-trips compressed messages through /echo, with every parameter",
        arguments: [
            "{}",
            "{'server_no_context_takeover': True, 'client_no_context_takeover': True}",
            "{'server_max_window_bits': 9, 'client_max_window_bits': 10}",
            "{'client_max_window_bits': True}",
        ])
    func pythonClient(options: String) async throws {
        try await withServer { server in
            let result = try ProcessRunner.run(
                TestPaths.peersPython, ["-c", Self.script, "ws://127.0.0.1:\(server.port)/echo", options],
                timeout: 30)
            #expect(result.exitCode == 0, "\(result.standardOutput)\(result.standardError)")
            #expect(result.standardOutput.contains("negotiated permessage-deflate"))
            #expect(result.standardOutput.contains("ok"))
        }
    }
}
