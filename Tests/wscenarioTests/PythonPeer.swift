import Foundation
import TestSupport

/// An independent WebSocket server written with Python `websockets` (echo, chat rooms, a greeting, a close).
final class PythonPeer {
    let process: BackgroundProcess
    let url: String
    private let script: URL

    static let source = #"""
        import asyncio, json, sys
        from websockets.asyncio.server import serve

        rooms = {}

        async def handler(ws):
            path = ws.request.path
            if path.startswith("/chat/"):
                room = rooms.setdefault(path, set())
                room.add(ws)
                try:
                    async for message in ws:
                        for member in list(room):
                            await member.send(message)
                finally:
                    room.discard(ws)
            elif path == "/greet":
                await ws.send(json.dumps({"type": "welcome", "id": 42}))
                async for message in ws:
                    await ws.send(message)
            elif path == "/close":
                await ws.close(4001, "bye now")
            else:
                async for message in ws:
                    await ws.send(message)

        async def main():
            async with serve(handler, "127.0.0.1", 0) as server:
                port = server.sockets[0].getsockname()[1]
                print(f"listening on ws://127.0.0.1:{port}", flush=True)
                await asyncio.Future()

        asyncio.run(main())
        """#

    init() throws {
        script = FileManager.default.temporaryDirectory.appendingPathComponent("peer-\(UUID().uuidString).py")
        try Data(PythonPeer.source.utf8).write(to: script)
        process = try BackgroundProcess(TestPaths.peersPython, ["-u", script.path], readyLine: "listening on")
        let output = process.output
        guard let range = output.range(of: "ws://127.0.0.1:[0-9]+", options: .regularExpression) else {
            process.stop()
            throw PeerError(description: "no URL in: \(output)")
        }
        url = String(output[range])
    }

    func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: script)
    }
}

/// The peer did not start as expected.
struct PeerError: Error, CustomStringConvertible {
    var description: String
}
