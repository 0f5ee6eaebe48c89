import NIOCore
import NIOSSL
import NIOTLS
import WebSocketCore

/// The thin NIO handler that runs the core's state machines for one client connection: it writes the handshake,
/// parses the answer, then frames in and out, the closing handshake, and reports every event in order.
final class WebSocketChannelHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    enum Phase {
        case connecting
        case handshaking
        case open
        case failed
        case ended
    }

    let configuration: WebSocketClientConfiguration
    let request: HandshakeRequest
    let sink: EventSink
    let handshakePromise: EventLoopPromise<HandshakeCompletion>
    // `@exclusivity(unchecked)`: handler state lives on the channel's event loop; the runtime's access checks cost
    // time on every frame (BENCHMARKS.md, session 6).
    @exclusivity(unchecked) var phase = Phase.connecting
    var responseParser: HTTPResponseParser
    @exclusivity(unchecked) var frameParser: FrameParser
    @exclusivity(unchecked) var assembler: MessageAssembler
    @exclusivity(unchecked) var closeMachine = CloseStateMachine()
    @exclusivity(unchecked) var context: ChannelHandlerContext?
    var handshakeTimer: Scheduled<Void>?
    var closeTimer: Scheduled<Void>?
    var closeWaiters: [EventLoopPromise<CloseOutcome>] = []
    var handshakeFinished = false
    /// The first error after the upgrade (protocol violation, dropped connection).
    var connectionError: WebSocketError?
    /// A frame arrived after the server's close frame (reported once).
    var frameAfterCloseReported = false
    /// The first bytes of the server's answer (up to 5), to tell a non-HTTP (TLS) answer early.
    var answerPrefix: [UInt8] = []
    /// The permessage-deflate codec, once negotiated.
    @exclusivity(unchecked) var deflate: DeflateState?
    /// Payload bytes written by `sendMessageOnLoop` and not flushed yet.
    @exclusivity(unchecked) var unflushedBytes = 0
    /// A flush at the end of the current event-loop task is queued.
    @exclusivity(unchecked) var flushScheduled = false
    /// For `wss://`: the TLS handshake is not done yet, so the opening handshake is not sent (nor recorded) yet.
    var awaitingTLS: Bool
    /// Senders waiting for the channel to become writable again (backpressure), by id.
    var writabilityWaiters: [(id: Int, promise: EventLoopPromise<Bool>)] = []
    var nextWaiterID = 0

    init(
        configuration: WebSocketClientConfiguration, request: HandshakeRequest, sink: EventSink,
        handshakePromise: EventLoopPromise<HandshakeCompletion>
    ) {
        self.configuration = configuration
        self.request = request
        self.sink = sink
        self.handshakePromise = handshakePromise
        awaitingTLS = WebSocketURL(configuration.url)?.secure == true
        responseParser = HTTPResponseParser(maxBodySize: configuration.maxResponseBodySize)
        frameParser = FrameParser(
            configuration: FrameParserConfiguration(
                expectMasked: false, allowedRSV: 0, maxFrameSize: configuration.maxFrameSize))
        assembler = MessageAssembler(maxMessageSize: configuration.maxMessageSize)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { start(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context: context)
        context.fireChannelActive()
    }

    private func start(context: ChannelHandlerContext) {
        guard case .connecting = phase else { return }
        if handshakeTimer == nil {
            // One deadline for the TLS handshake (wss) and the opening handshake together.
            let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
            handshakeTimer = context.eventLoop.scheduleTask(in: configuration.handshakeTimeout) {
                bound.value.handshakeTimedOut()
            }
        }
        guard !awaitingTLS else { return }  // sent once TLS is up: the transcript shows only what went out
        phase = .handshaking
        context.writeAndFlush(
            wrapOutboundOut(request.serialized(allocator: context.channel.allocator)),
            promise: nil)
        sink.emit(.handshakeRequest(request))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tls = event as? TLSUserEvent, case .handshakeCompleted = tls, awaitingTLS {
            awaitingTLS = false
            start(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        switch phase {
        case .handshaking:
            if answerPrefix.count < 5 {
                answerPrefix += bytes.readableBytesView.prefix(5 - answerPrefix.count)
                guard Self.couldBeHTTP(answerPrefix) else {
                    finishHandshake(error: WebSocketError(kind: .handshake, message: Self.notHTTPMessage))
                    return
                }
            }
            do {
                if case .complete(let head, let leftover) = try responseParser.feed(bytes) {
                    handleResponse(head, leftover: leftover)
                }
            } catch {
                finishHandshake(error: WebSocketError(kind: .handshake, message: error.description))
            }
        case .open:
            processFrames(bytes)
        case .connecting, .failed, .ended:
            break
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { resumeWritabilityWaiters(true) }
        context.fireChannelWritabilityChanged()
    }

    /// Completes the writability waiters (true: go on; false: the wait timed out).
    func resumeWritabilityWaiters(_ value: Bool) {
        let waiters = writabilityWaiters
        writabilityWaiters = []
        for waiter in waiters { waiter.promise.succeed(value) }
    }

    /// Succeeds `promise` with true once the channel is writable (at once when it is, or when it ended: the next
    /// operation reports that), with false after `timeout`.
    func whenWritable(_ promise: EventLoopPromise<Bool>, timeout: TimeAmount) {
        guard let context, context.channel.isActive, !context.channel.isWritable else { return promise.succeed(true) }
        nextWaiterID += 1
        let id = nextWaiterID
        writabilityWaiters.append((id, promise))
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: timeout) {
            let handler = bound.value
            guard let index = handler.writabilityWaiters.firstIndex(where: { $0.id == id }) else { return }
            handler.writabilityWaiters.remove(at: index).promise.succeed(false)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        handshakeTimer?.cancel()
        closeTimer?.cancel()
        resumeWritabilityWaiters(true)
        switch phase {
        case .connecting, .handshaking:
            phase = .ended
            if let head = try? responseParser.endOfInput() {
                handleResponse(head, leftover: ByteBuffer())
            } else if answerPrefix.isEmpty, WebSocketURL(configuration.url)?.secure == false {
                // TLS servers (BoringSSL, OpenSSL) end a plain-text connection without a byte of answer.
                finishHandshake(error: WebSocketError(kind: .closed, message: Self.noAnswerMessage))
            } else {
                finishHandshake(
                    error: WebSocketError(
                        kind: .closed,
                        message: "the server closed the connection before completing its handshake answer"))
            }
        case .open, .failed:
            phase = .ended
            let outcome = closeMachine.connectionClosed()
            if !outcome.clean && outcome.initiator == .server && connectionError == nil {
                let cut = frameParser.bufferedBytes
                let error = WebSocketError(
                    kind: .closed,
                    message: "connection closed without a close handshake (1006)"
                        + (cut > 0 ? ", in the middle of a frame (\(cut) bytes of it had arrived)" : ""))
                connectionError = error
                sink.emit(.error(error))
            }
            sink.emit(.closed(outcome))
            let waiters = closeWaiters
            closeWaiters = []
            for waiter in waiters { waiter.succeed(outcome) }
        case .ended:
            break
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        switch phase {
        case .connecting, .handshaking:
            if Self.isTLSFailure(error) {
                finishHandshake(error: WebSocketError(kind: .tls, message: tlsFailureMessage(error)))
            } else {
                finishHandshake(error: WebSocketError(kind: .closed, message: "\(error)"))
            }
        case .open, .failed:
            // An interruption that arrives after the upgrade: the scenario's end closes the connection properly.
            if error is ConnectInterrupted { return }
            if Self.isTLSError(error), connectionError == nil, !Self.isUncleanShutdown(error) {
                let failure = WebSocketError(kind: .tls, message: tlsFailureMessage(error, handshake: false))
                connectionError = failure
                sink.emit(.error(failure))
            }
            context.close(promise: nil)
        case .ended:
            break
        }
    }

    // MARK: handshake

    private func handleResponse(_ head: HTTPResponseHead, leftover: ByteBuffer, note: String = "") {
        handshakeTimer?.cancel()
        // What was offered is what the request carried: subprotocols may also come from an extra header.
        var verdict = HandshakeChecker.verdict(
            for: head, key: request.key, offeredSubprotocols: request.headers.tokens("Sec-WebSocket-Protocol"),
            offeredExtensions: offeredExtensions)
        if case .upgraded = verdict, let reason = negotiateDeflate(head) {
            verdict = .invalid(reason: reason)
        }
        sink.emit(.handshakeResponse(head, verdict: verdict))
        switch verdict {
        case .upgraded:
            phase = .open
            handshakeFinished = true
            let bound = context.map { NIOLoopBound(self, eventLoop: $0.eventLoop) }
            handshakePromise.succeed(
                HandshakeCompletion(
                    response: head, verdict: verdict, error: nil, handler: bound, deflate: deflate?.parameters))
            if leftover.readableBytes > 0 { processFrames(leftover) }
        case .refused(let status):
            var reason = head.reason.isEmpty ? "" : " \(head.reason)"
            if (300..<400).contains(status) {
                reason +=
                    ", a redirect" + (head.headers.first("Location").map { " to \($0)" } ?? "") + " (not followed)"
            }
            finishHandshake(
                error: WebSocketError(
                    kind: .handshake, message: "server refused the upgrade: \(status)\(reason)\(note)", response: head),
                response: head, verdict: verdict)
        case .invalid(let reason):
            finishHandshake(
                error: WebSocketError(kind: .handshake, message: reason, response: head),
                response: head, verdict: verdict)
        }
    }

    private func handshakeTimedOut() {
        guard !handshakeFinished else { return }
        if awaitingTLS {
            let url = WebSocketURL(configuration.url)
            let target = url.map { "\($0.host):\($0.port)" } ?? configuration.url
            return finishHandshake(
                error: WebSocketError(
                    kind: .timeout,
                    message: "the TLS handshake with \(target) did not complete within "
                        + Self.describe(configuration.handshakeTimeout)))
        }
        // A refusal whose head arrived but whose body did not complete is still a refusal: its status and headers
        // are known.
        if let head = responseParser.partialResponse, head.status != 101 {
            let within = Self.describe(configuration.handshakeTimeout)
            return handleResponse(
                head, leftover: ByteBuffer(), note: " (its body did not arrive in full within \(within))")
        }
        finishHandshake(
            error: WebSocketError(
                kind: .timeout,
                message: "no complete handshake answer within \(Self.describe(configuration.handshakeTimeout))"))
    }

    /// Ends a failed handshake: reports the error, resolves the connect, closes the channel.
    func finishHandshake(error: WebSocketError, response: HTTPResponseHead? = nil, verdict: HandshakeVerdict? = nil) {
        guard !handshakeFinished else { return }
        handshakeFinished = true
        handshakeTimer?.cancel()
        var requestSent = true
        if case .handshaking = phase { phase = .ended }
        if case .connecting = phase {
            phase = .ended
            requestSent = false
        }
        sink.emit(.error(error))
        handshakePromise.succeed(
            HandshakeCompletion(response: response, verdict: verdict, error: error, requestSent: requestSent))
        context?.close(promise: nil)
    }

    static func describe(_ amount: TimeAmount) -> String {
        let milliseconds = amount.nanoseconds / 1_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }

    static func isTLSError(_ error: Error) -> Bool {
        error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError
    }

    static func isUncleanShutdown(_ error: Error) -> Bool {
        if let sslError = error as? NIOSSLError, case .uncleanShutdown = sslError { return true }
        return false
    }
}
