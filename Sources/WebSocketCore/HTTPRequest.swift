import NIOCore

/// A plain HTTP/1.1 request (the scenario language's `http` step), kept as sent for the transcript.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `POST`, ...
    public var method: String
    /// The request target: path and query (`/login?next=1`).
    public var target: String
    /// Every header field in the order it is written.
    public var headers: HTTPHeaderList
    /// The body (empty for none).
    public var body: [UInt8]

    /// A request exactly as given (see `make` for one with the usual headers).
    public init(method: String, target: String, headers: HTTPHeaderList, body: [UInt8] = []) {
        self.method = method
        self.target = target.isEmpty ? "/" : target
        self.headers = headers
        self.body = body
    }

    /// Builds a request that closes its connection after the answer: `Host`, then `extraHeaders` in order, then
    /// what is missing of `Content-Type` (`contentType`, when there is a body), `Content-Length` (when there is
    /// a body or the method usually has one), `User-Agent`, `Accept` and `Connection: close`.
    /// A given header with the name of a standard one (case-insensitive) replaces it.
    public static func make(
        method: String, host: String, target: String, extraHeaders: [(name: String, value: String)] = [],
        body: [UInt8] = [], contentType: String? = nil, userAgent: String = "wscenario"
    ) -> HTTPRequest {
        var headers = HTTPHeaderList()
        headers.append("Host", host)
        for (name, value) in extraHeaders {
            if name.lowercased() == "host" { headers.replaceOrAppend(name, value) } else { headers.append(name, value) }
        }
        func addIfMissing(_ name: String, _ value: String) {
            if headers.first(name) == nil { headers.append(name, value) }
        }
        if let contentType, !body.isEmpty { addIfMissing("Content-Type", contentType) }
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) {
            addIfMissing("Content-Length", "\(body.count)")
        }
        addIfMissing("User-Agent", userAgent)
        addIfMissing("Accept", "*/*")
        addIfMissing("Connection", "close")
        return HTTPRequest(method: method, target: target, headers: headers, body: body)
    }

    /// The whole request as bytes: request line, header fields, empty line, body.
    public func serialized(allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 256 + body.count)
        buffer.writeString("\(method) \(target) HTTP/1.1\r\n")
        for (name, value) in headers.fields { buffer.writeString("\(name): \(value)\r\n") }
        buffer.writeString("\r\n")
        buffer.writeBytes(body)
        return buffer
    }
}
