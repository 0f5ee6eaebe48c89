import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import WebSocketCore

/// A tiny misbehaving WebSocket server on 127.0.0.1 for engine tests: it reads the handshake request, writes
/// whatever bytes the test scripts (in one write), optionally closes, and records everything the client sends after.
final class ScriptedServer: Sendable {
    /// What to answer: bytes computed from the client's `Sec-WebSocket-Key`, and whether to close TCP after writing.
    struct Script: Sendable {
        var answer: @Sendable (_ key: String) -> [UInt8]
        var closeAfterAnswer = false
        var silent = false
    }

    let channel: Channel
    let received: NIOLockedValueBox<[UInt8]>
    let requests: NIOLockedValueBox<[String]>

    var port: Int { channel.localAddress!.port! }
    var url: String { "ws://127.0.0.1:\(port)/test" }

    init(_ script: Script) async throws {
        let received = NIOLockedValueBox<[UInt8]>([])
        let requests = NIOLockedValueBox<[String]>([])
        self.received = received
        self.requests = requests
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ScriptedHandler(script: script, received: received, requests: requests))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    /// The standard valid 101 answer for `key`.
    static func upgrade(_ key: String, extraHeaders: String = "") -> [UInt8] {
        Array(
            ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: \(HandshakeKey.acceptValue(for: key))\r\n\(extraHeaders)\r\n").utf8)
    }

    /// The client frames received after the handshake so far (unmasked), parsed leniently.
    func clientFrames() -> [WebSocketFrame] {
        var parser = FrameParser(
            configuration: FrameParserConfiguration(
                expectMasked: true, maxFrameSize: 1 << 30, strict: false))
        parser.append(ByteBuffer(bytes: received.withLockedValue { $0 }))
        var frames: [WebSocketFrame] = []
        while let frame = try? parser.nextFrame() { frames.append(frame) }
        return frames
    }

    /// Waits (bounded) until `condition` holds for the received frames.
    func waitForFrames(timeout: Double = 5, _ condition: ([WebSocketFrame]) -> Bool) async -> [WebSocketFrame] {
        let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
        while NIODeadline.now() < deadline {
            let frames = clientFrames()
            if condition(frames) { return frames }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return clientFrames()
    }

    func stop() async {
        try? await channel.close()
    }
}

private final class ScriptedHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let script: ScriptedServer.Script
    let received: NIOLockedValueBox<[UInt8]>
    let requests: NIOLockedValueBox<[String]>
    var head: [UInt8] = []
    var answered = false

    init(script: ScriptedServer.Script, received: NIOLockedValueBox<[UInt8]>, requests: NIOLockedValueBox<[String]>) {
        self.script = script
        self.received = received
        self.requests = requests
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = Array(unwrapInboundIn(data).readableBytesView)
        if answered {
            received.withLockedValue { $0 += bytes }
            return
        }
        head += bytes
        guard let end = head.indices.dropLast(3).first(where: { Array(head[$0..<$0 + 4]) == [13, 10, 13, 10] })
        else { return }
        answered = true
        let text = String(decoding: head[..<end], as: UTF8.self)
        requests.withLockedValue { $0.append(text) }
        let rest = Array(head[(end + 4)...])
        received.withLockedValue { $0 += rest }
        if script.silent { return }
        let key =
            text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("sec-websocket-key:") }
            .map { String($0.dropFirst("sec-websocket-key:".count)).trimmingCharacters() } ?? ""
        let answer = script.answer(key)
        let close = script.closeAfterAnswer
        let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: answer))).whenComplete { _ in
            if close { boundContext.value.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}

extension String {
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
