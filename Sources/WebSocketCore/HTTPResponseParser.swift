import NIOCore

/// An incremental parser for the handshake response: the head, then (for anything but 101) a bounded body
/// framed by Content-Length, chunked encoding, or the end of the connection. Bytes after a 101 head are handed
/// back untouched: they are the first WebSocket frames. Interim answers (`100 Continue`, `103 Early Hints`) are
/// skipped: the final answer follows them (RFC 9110 §15.2). Head lines may end in CRLF or, as RFC 9112 §2.2
/// lets a recipient accept, in a bare LF.
public struct HTTPResponseParser: Sendable {
    /// The parser's verdict after some input.
    public enum Result: Sendable, Equatable {
        case needMoreData
        /// The complete response, and the bytes that followed it.
        case complete(HTTPResponseHead, leftover: ByteBuffer)
    }

    private enum BodyFraming: Sendable {
        case none
        case length(Int)
        case chunked
        case untilClose
    }

    private enum ChunkState: Sendable {
        case size
        case data(Int)
        case dataEnd
        case trailers
    }

    /// The largest accepted head (status line and headers).
    public let maxHeadSize: Int
    /// Bodies longer than this are cut (`bodyTruncated`).
    public let maxBodySize: Int
    /// The response has no body whatever its headers say (the answer to a `HEAD` request).
    public let bodyless: Bool
    private var buffer = ByteBuffer()
    private var head: HTTPResponseHead?
    private var framing = BodyFraming.none
    private var chunkState = ChunkState.size

    public init(maxHeadSize: Int = 64 * 1024, maxBodySize: Int = 1024 * 1024, bodyless: Bool = false) {
        self.maxHeadSize = maxHeadSize
        self.maxBodySize = maxBodySize
        self.bodyless = bodyless
    }

    /// Feeds received bytes.
    public mutating func feed(_ bytes: ByteBuffer) throws(HTTPResponseParseError) -> Result {
        var bytes = bytes
        buffer.writeBuffer(&bytes)
        while head == nil {
            guard let parsed = try parseHead() else { return .needMoreData }
            if (100..<200).contains(parsed.status), parsed.status != 101 { continue }  // interim: the next one
            head = parsed
            framing = bodyless ? .none : try Self.framing(for: parsed)
        }
        return try parseBody()
    }

    /// The answer as far as it arrived, once its head is complete: the body received so far, marked
    /// `bodyTruncated` (for a refusal whose body never completes).
    public var partialResponse: HTTPResponseHead? {
        guard var current = head else { return nil }
        if case .chunked = framing {
            current.bodyTruncated = true
            return current
        }
        let take = min(buffer.readableBytes, maxBodySize)
        current.body = buffer.getSlice(at: buffer.readerIndex, length: take)!
        current.bodyTruncated = true
        return current
    }

    /// The connection ended: completes a body framed by the end of the connection, fails otherwise.
    public mutating func endOfInput() throws(HTTPResponseParseError) -> HTTPResponseHead {
        guard var head else { throw .incomplete() }
        if case .untilClose = framing {
            head.body.writeImmutableBuffer(buffer)
            return head
        }
        throw .incomplete()
    }

    private static func framing(for head: HTTPResponseHead) throws(HTTPResponseParseError) -> BodyFraming {
        if head.status == 101 || (100..<200).contains(head.status) || head.status == 204 || head.status == 304 {
            return .none
        }
        if head.headers.tokens("Transfer-Encoding").contains(where: { $0.lowercased() == "chunked" }) {
            return .chunked
        }
        if let text = head.headers.first("Content-Length") {
            // RFC 9112 §6.3: an invalid Content-Length is an unrecoverable framing error.
            guard let length = Int(text.trimmingSpacesString()), length >= 0 else {
                throw .malformedHeader("Content-Length: \(text)")
            }
            return .length(length)
        }
        return .untilClose
    }

    private mutating func parseHead() throws(HTTPResponseParseError) -> HTTPResponseHead? {
        let view = buffer.readableBytesView
        guard let length = Self.headLength(in: view) else {
            if buffer.readableBytes > maxHeadSize { throw .headTooLarge(maxHeadSize) }
            return nil
        }
        let headBytes = buffer.readSlice(length: length)!
        let text = String(decoding: headBytes.readableBytesView, as: UTF8.self)
        // "\r\n" is one Character: split on it and on a bare "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\r\n" || $0 == "\n" })
            .map(String.init)
        while lines.last == "" { lines.removeLast() }
        guard let statusLine = lines.first else { throw .malformedStatusLine("") }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]), parts[1].count == 3 else {
            throw .malformedStatusLine(statusLine)
        }
        var headers = HTTPHeaderList()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { throw .malformedHeader(line) }
            headers.append(String(line[..<colon]), line[line.index(after: colon)...].trimmingSpaces())
        }
        return HTTPResponseHead(
            version: String(parts[0]), status: status,
            reason: parts.count > 2 ? String(parts[2]) : "", headers: headers)
    }

    private mutating func parseBody() throws(HTTPResponseParseError) -> Result {
        guard var current = head else { return .needMoreData }
        switch framing {
        case .none:
            return complete(current)
        case .untilClose:
            if buffer.readableBytes >= maxBodySize { return truncateUntilClose(&current) }
            return .needMoreData
        case .length(let length):
            guard buffer.readableBytes >= length || buffer.readableBytes >= maxBodySize else { return .needMoreData }
            let take = min(length, maxBodySize)
            current.body = buffer.readSlice(length: take)!
            current.bodyTruncated = take < length
            return complete(current)
        case .chunked:
            return try parseChunks(&current)
        }
    }

    private mutating func truncateUntilClose(_ current: inout HTTPResponseHead) -> Result {
        current.body = buffer.readSlice(length: maxBodySize)!
        current.bodyTruncated = true
        return complete(current)
    }

    private mutating func parseChunks(_ current: inout HTTPResponseHead) throws(HTTPResponseParseError) -> Result {
        defer { head = current }
        while true {
            switch chunkState {
            case .size:
                guard let line = readLine() else { return .needMoreData }
                let hex = line.split(separator: ";").first.map { $0.trimmingSpaces() } ?? ""
                guard let size = Int(hex, radix: 16), size >= 0 else { throw .malformedChunk() }
                chunkState = size == 0 ? .trailers : .data(size)
            case .data(let size):
                guard buffer.readableBytes >= size else { return .needMoreData }
                var chunk = buffer.readSlice(length: size)!
                let room = maxBodySize - current.body.readableBytes
                if chunk.readableBytes > room {
                    chunk = chunk.getSlice(at: chunk.readerIndex, length: room)!
                    current.bodyTruncated = true
                }
                current.body.writeBuffer(&chunk)
                if current.bodyTruncated { return complete(current) }
                chunkState = .dataEnd
            case .dataEnd:
                guard let line = readLine() else { return .needMoreData }
                guard line.isEmpty else { throw .malformedChunk() }
                chunkState = .size
            case .trailers:
                guard let line = readLine() else { return .needMoreData }
                if line.isEmpty { return complete(current) }
                if let colon = line.firstIndex(of: ":") {
                    current.headers.append(String(line[..<colon]), line[line.index(after: colon)...].trimmingSpaces())
                }
            }
        }
    }

    private mutating func complete(_ current: HTTPResponseHead) -> Result {
        head = current
        let leftover = buffer
        buffer = ByteBuffer()
        return .complete(current, leftover: leftover)
    }

    private mutating func readLine() -> String? {
        guard let end = Self.find([13, 10], in: buffer.readableBytesView) else { return nil }
        let length = end - buffer.readerIndex
        let line = buffer.readString(length: length)!
        buffer.moveReaderIndex(forwardBy: 2)
        return line
    }

    /// The length of the head at the start of `view`, up to and including the empty line that ends it
    /// (`\r\n\r\n`, or with bare line feeds `\n\n` / `\n\r\n`); nil until it has arrived.
    static func headLength(in view: ByteBufferView) -> Int? {
        var index = view.startIndex
        while index < view.endIndex {
            if view[index] == 10 {
                let next = index + 1
                if next < view.endIndex, view[next] == 10 { return next + 1 - view.startIndex }
                if next + 1 < view.endIndex, view[next] == 13, view[next + 1] == 10 {
                    return next + 2 - view.startIndex
                }
            }
            index += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in view: ByteBufferView) -> Int? {
        guard view.count >= needle.count else { return nil }
        var index = view.startIndex
        let last = view.endIndex - needle.count
        while index <= last {
            if view[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where view[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}

extension String {
    func trimmingSpacesString() -> String { self[...].trimmingSpaces() }
}
