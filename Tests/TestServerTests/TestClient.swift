import Foundation

/// A minimal WebSocket client for the tests, written against RFC 6455 independently of the server.
final class TestClient {
    let socket: RawSocket
    private(set) var response = HandshakeResponse(status: 0, headers: [:], body: "")

    struct HandshakeResponse {
        var status: Int
        var headers: [String: String]
        var body: String

        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    static let key = "dGhlIHNhbXBsZSBub25jZQ=="
    static let expectedAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="

    /// Connects and sends the opening handshake for `path`; reads the response head.
    init(port: Int, path: String, headers: [String: String] = [:], timeout: Double = 5) throws {
        socket = try RawSocket(port: port, timeout: timeout)
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\n"
        request += "Connection: Upgrade\r\nSec-WebSocket-Key: \(Self.key)\r\nSec-WebSocket-Version: 13\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        try socket.write(Array(request.utf8))
        response = try readResponse()
    }

    private func readResponse() throws -> HandshakeResponse {
        let head = String(decoding: try socket.read(until: Array("\r\n\r\n".utf8)), as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        var body = ""
        if status != 101, let length = Int(headers["content-length"] ?? "") {
            body = String(decoding: try socket.read(count: length), as: UTF8.self)
        }
        return HandshakeResponse(status: status, headers: headers, body: body)
    }

    func send(_ frame: RawFrame) throws {
        try socket.write(frame.encoded())
    }

    func send(text: String) throws { try send(.text(text)) }

    /// The next frame from the server.
    func readFrame() throws -> RawFrame {
        let head = try socket.read(count: 2)
        var length = Int(head[1] & 0x7F)
        if length == 126 {
            let bytes = try socket.read(count: 2)
            length = Int(bytes[0]) << 8 | Int(bytes[1])
        } else if length == 127 {
            length = try socket.read(count: 8).reduce(0) { $0 << 8 | Int($1) }
        }
        let masked = head[1] & 0x80 != 0
        let key = masked ? try socket.read(count: 4) : []
        var payload = try socket.read(count: length)
        if masked { payload = payload.enumerated().map { $0.element ^ key[$0.offset % 4] } }
        return RawFrame(
            fin: head[0] & 0x80 != 0, rsv: (head[0] >> 4) & 0x7, opcode: head[0] & 0x0F, masked: masked,
            payload: payload)
    }

    /// The next data message, reassembled; control frames before it are skipped.
    func readMessage() throws -> (opcode: UInt8, payload: [UInt8]) {
        var opcode: UInt8?
        var payload: [UInt8] = []
        while true {
            let frame = try readFrame()
            if frame.opcode >= 8 {
                if frame.opcode == 8 {
                    throw RawSocket.Failure(description: "close \(frame.closeCode ?? 0) instead of a message")
                }
                continue
            }
            if opcode == nil { opcode = frame.opcode }
            payload += frame.payload
            if frame.fin { return (opcode ?? 0, payload) }
        }
    }

    /// The next text message.
    func readText() throws -> String {
        let message = try readMessage()
        guard message.opcode == 1 else { throw RawSocket.Failure(description: "opcode \(message.opcode), not text") }
        return String(decoding: message.payload, as: UTF8.self)
    }

    /// Sends a close and returns the server's close frame.
    func close(_ code: UInt16? = 1000, _ reason: String = "") throws -> RawFrame {
        try send(.close(code, reason))
        while true {
            let frame = try readFrame()
            if frame.opcode == 8 { return frame }
        }
    }
}
