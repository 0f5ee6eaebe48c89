import Foundation
import TestSupport

/// A raw WebSocket server in Python on 127.0.0.1 for CLI tests of misbehaving peers: it reads the opening
/// handshake, writes a scripted answer, then answers the client's close frame with scripted bytes (or drops TCP).
enum RawWebSocketPeer {
    /// A raw server: reads the opening handshake, then writes `answer(accept)` (Python bytes expression over the
    /// computed `accept`), then `after_close` once it reads the client's close frame; keeps TCP open.
    static func start(
        answer: String, afterClose: String = "b''", drop: Bool = false, reads: Bool = true
    ) throws -> BackgroundProcess {
        try BackgroundProcess.pythonPeer(
            """
            import base64, hashlib, socket, threading
            s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
            print("listening", s.getsockname()[1], flush=True)
            def handle(c):
                data = b""
                while b"\\r\\n\\r\\n" not in data:
                    data += c.recv(4096)
                key = [l.split(b":", 1)[1].strip() for l in data.split(b"\\r\\n") if l.lower().startswith(b"sec-websocket-key")][0]
                accept = base64.b64encode(hashlib.sha1(key + b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest())
                c.sendall(\(answer))
                if \(drop ? "True" : "False"):
                    c.close(); return
                if not \(reads ? "True" : "False"):
                    threading.Event().wait()
                while True:
                    chunk = c.recv(4096)
                    if not chunk: return
                    if chunk[0] & 0x0F == 8: c.sendall(\(afterClose))
            while True:
                c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()
            """)
    }

    static let upgrade =
        #"b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n""#
}
