import NIOCore

/// Sits before the frame decoder and runs a `TextPayloadWatcher` over the bytes going by. When a text message's
/// payload cannot be valid UTF-8 it stops passing bytes on and tells the session (`InvalidTextPayload`), which fails
/// the connection with 1007 — before the rest of the frame arrives.
final class TextPayloadWatchHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The user event sent down the pipeline when invalid UTF-8 was seen.
    struct InvalidTextPayload: Sendable {}

    private var watcher = TextPayloadWatcher()
    private var failed = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        let bytes = unwrapInboundIn(data)
        let valid = bytes.withUnsafeReadableBytes { watcher.consume($0) }
        guard valid else {
            failed = true
            context.fireUserInboundEventTriggered(InvalidTextPayload())
            return
        }
        context.fireChannelRead(data)
    }
}
