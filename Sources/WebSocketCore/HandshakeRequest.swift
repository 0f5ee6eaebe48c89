import NIOCore

/// The client's opening handshake request (RFC 6455 §4.1), kept as sent for the transcript.
public struct HandshakeRequest: Sendable, Equatable {
    /// Always `GET` unless a test says otherwise.
    public var method: String
    /// The request target: path and query (`/chat?room=1`).
    public var path: String
    /// Every header field in the order it is written.
    public var headers: HTTPHeaderList
    /// The `Sec-WebSocket-Key` sent (the accept value is checked against it).
    public var key: String

    public init(method: String = "GET", path: String, headers: HTTPHeaderList, key: String) {
        self.method = method
        self.path = path
        self.headers = headers
        self.key = key
    }

    /// Builds the standard request: Host, Upgrade, Connection, Sec-WebSocket-Key, Sec-WebSocket-Version: 13,
    /// then Origin, Sec-WebSocket-Protocol and Sec-WebSocket-Extensions when given, then `extraHeaders` in order.
    /// An extra header with the name of a standard one (case-insensitive) replaces that one's value in place.
    public static func make(
        host: String, path: String, key: String, subprotocols: [String] = [],
        origin: String? = nil, extensions: [String] = [],
        extraHeaders: [(name: String, value: String)] = []
    ) -> HandshakeRequest {
        var headers = HTTPHeaderList()
        headers.append("Host", host)
        headers.append("Upgrade", "websocket")
        headers.append("Connection", "Upgrade")
        headers.append("Sec-WebSocket-Key", key)
        headers.append("Sec-WebSocket-Version", "13")
        if let origin { headers.append("Origin", origin) }
        if !subprotocols.isEmpty { headers.append("Sec-WebSocket-Protocol", subprotocols.joined(separator: ", ")) }
        if !extensions.isEmpty { headers.append("Sec-WebSocket-Extensions", extensions.joined(separator: ", ")) }
        let standard = Set(headers.fields.map { $0.name.lowercased() })
        for (name, value) in extraHeaders {
            if standard.contains(name.lowercased()) {
                headers.replaceOrAppend(name, value)
            } else {
                headers.append(name, value)
            }
        }
        let sentKey = headers.first("Sec-WebSocket-Key") ?? key
        return HandshakeRequest(path: path.isEmpty ? "/" : path, headers: headers, key: sentKey)
    }

    /// The request head as bytes: request line, header fields, empty line.
    public func serialized(allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 256)
        buffer.writeString("\(method) \(path) HTTP/1.1\r\n")
        for (name, value) in headers.fields { buffer.writeString("\(name): \(value)\r\n") }
        buffer.writeString("\r\n")
        return buffer
    }
}
