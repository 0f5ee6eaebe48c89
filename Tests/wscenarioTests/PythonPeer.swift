import Foundation
import TestSupport
import Testing

/// An independent WebSocket server written with Python `websockets` (echo, chat rooms, a greeting, a close).
final class PythonPeer {
    let process: BackgroundProcess
    let url: String

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
        process = try .pythonPeer(PythonPeer.source, readyLine: "listening on")
        guard let url = process.announcedWord(after: "listening on"), url.hasPrefix("ws://127.0.0.1:") else {
            let output = process.output
            process.stop()
            throw PeerError(description: "no URL in: \(output)")
        }
        self.url = url
    }

    /// Starts the peer; when the peers' venv is missing, records an issue and returns nil.
    static func startIfInstalled() throws -> PythonPeer? {
        guard peersInstalled() else { return nil }
        return try PythonPeer()
    }

    func stop() {
        process.stop()
    }
}

/// The peer did not start as expected.
struct PeerError: Error, CustomStringConvertible {
    var description: String
}
