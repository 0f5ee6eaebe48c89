import EngineTestSupport
import Foundation
import NIOCore
import PerMessageDeflate
import TestServer
import TestSupport
import WebSocketCore
import WebSocketEngine

/// Frames the client wrote / received.
func framesOut(_ inbox: WebSocketEventInbox) -> [WebSocketFrameRecord] {
    inbox.events.compactMap { if case .frameOut(let frame) = $0.event { return frame } else { return nil } }
}

func framesIn(_ inbox: WebSocketEventInbox) -> [WebSocketFrameRecord] {
    inbox.events.compactMap { if case .frameIn(let frame) = $0.event { return frame } else { return nil } }
}

/// A one-connection raw server in Python: answers the handshake with a valid 101 carrying
/// `Sec-WebSocket-Extensions: <extensions>` (none when empty), writes `bytes` right after it, then waits for the
/// client's data (its close frame) and ends the connection.
func startRawPeer(extensions: String, bytes: [UInt8]) throws -> (BackgroundProcess, Int) {
    let script = """
        import base64, hashlib, socket, sys
        ext, payload = sys.argv[1], bytes.fromhex(sys.argv[2])
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        print("listening", server.getsockname()[1], flush=True)
        server.settimeout(20)
        conn, _ = server.accept()
        conn.settimeout(10)
        data = b""
        while b"\\r\\n\\r\\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                sys.exit(0)
            data += chunk
        key = [l.split(":", 1)[1].strip() for l in data.decode().split("\\r\\n")
               if l.lower().startswith("sec-websocket-key:")][0]
        magic = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
        accept = base64.b64encode(hashlib.sha1((key + magic).encode()).digest()).decode()
        head = "HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n"
        head += "Sec-WebSocket-Accept: %s\\r\\n" % accept
        if ext:
            head += "Sec-WebSocket-Extensions: %s\\r\\n" % ext
        conn.sendall(head.encode() + b"\\r\\n" + payload)
        try:
            conn.recv(65536)
        except Exception:
            pass
        conn.close()
        """
    let hex = bytes.map { String(format: "%02x", $0) }.joined()
    let process = try BackgroundProcess(TestPaths.peersPython, ["-c", script, extensions, hex], readyLine: "listening")
    let line = process.output.split(separator: "\n").first { $0.hasPrefix("listening") } ?? ""
    return (process, Int(line.split(separator: " ").last ?? "") ?? 0)
}

/// An unmasked server frame.
func serverFrame(opcode: WebSocketOpcode, rsv: UInt8 = 0, fin: Bool = true, payload: ByteBuffer) -> [UInt8] {
    let frame = WebSocketFrame(fin: fin, rsv: rsv, opcode: opcode, payload: payload)
    return Array(FrameEncoder.encode(frame).readableBytesView)
}
