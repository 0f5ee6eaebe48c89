import NIOCore
import WebSocketCore

extension WebSocketChannelHandler {
    /// Parses and handles every complete frame in `bytes` (and what was buffered before).
    func processFrames(_ bytes: ByteBuffer) {
        frameParser.append(bytes)
        while case .open = phase {
            let frame: WebSocketFrame
            do {
                guard let next = try frameParser.nextFrame() else {
                    try checkPartialFrame()
                    return
                }
                frame = next
            } catch {
                if let rejected = frameParser.rejectedFrame, !closeMachine.closeReceived {
                    // The transcript holds every frame, the offending one too (header only for an absurd length).
                    sink.emit(
                        .frameIn(
                            WebSocketFrameRecord(
                                opcode: rejected.opcode, fin: rejected.fin, rsv: rejected.rsv, masked: rejected.masked,
                                length: rejected.lengthOverride ?? UInt64(rejected.payload.readableBytes),
                                payload: rejected.payload)))
                }
                failConnection(error)
                return
            }
            if closeMachine.closeReceived {
                frameAfterClose(frame)
                continue
            }
            let plain: WebSocketFrame
            let record: WebSocketFrameRecord
            do {
                (plain, record) = try inflate(frame)
            } catch {
                sink.emit(.frameIn(WebSocketFrameRecord(frame)))
                failConnection(error)
                return
            }
            sink.emit(.frameIn(record))
            let output: MessageAssembler.Output
            do {
                output = try assembler.receive(plain)
            } catch {
                failConnection(error)
                return
            }
            switch output {
            case .ping(let payload):
                if configuration.autoPong && closeMachine.isOpen {
                    writeFrame(opcode: .pong, payload: payload, promise: nil)
                    context?.flush()
                }
            case .pong, .fragment:
                break
            case .close(let payload):
                perform(closeMachine.closeReceived(payload), timeout: configuration.closeTimeout)
            case .message(let message):
                sink.emit(.messageIn(message))
                if configuration.echoMessages && closeMachine.isOpen {
                    writeMessage(
                        opcode: message.kind == .text ? .text : .binary, payload: message.data, fragments: 1,
                        promise: nil)
                    context?.flush()
                }
            }
        }
    }

    /// Fails fast on invalid UTF-8 in a text frame that has only partly arrived.
    private func checkPartialFrame() throws(ProtocolViolation) {
        // Compressed frames cannot be checked before they are complete and inflated.
        guard deflate == nil, !closeMachine.closeReceived, let partial = frameParser.partialFrame() else { return }
        try assembler.checkPartial(opcode: partial.opcode, payloadPrefix: partial.payloadPrefix)
    }

    /// A frame after the server's close frame: RFC 6455 §5.5.1 lets nothing follow it. The frame is recorded and
    /// ignored, and the violation reported once (the closing handshake goes on as it was).
    private func frameAfterClose(_ frame: WebSocketFrame) {
        sink.emit(.frameIn(WebSocketFrameRecord(frame)))
        guard !frameAfterCloseReported else { return }
        frameAfterCloseReported = true
        let error = WebSocketError(
            kind: .protocol, message: "the server sent a \(frame.opcode) frame after its close frame",
            closeCode: 1002)
        if connectionError == nil { connectionError = error }
        sink.emit(.error(error))
    }

    /// Fails the connection after a peer protocol violation (RFC 6455 §7.1.7): reports it, sends a close frame
    /// with the violation's code, and waits (bounded) for the server to end the connection.
    func failConnection(_ violation: ProtocolViolation) {
        phase = .failed
        let error = WebSocketError(kind: .protocol, message: violation.message, closeCode: violation.closeCode)
        if connectionError == nil { connectionError = error }
        sink.emit(.error(error))
        perform(
            closeMachine.failConnection(code: violation.closeCode, reason: violation.message),
            timeout: configuration.closeTimeout)
    }

    /// Carries out a close state machine action.
    func perform(_ action: CloseStateMachine.Action, timeout: TimeAmount) {
        guard let context else { return }
        switch action {
        case .none:
            break
        case .sendClose(let payload):
            writeFrame(opcode: .close, payload: payload.encoded(allocator: context.channel.allocator), promise: nil)
            context.flush()
            startCloseTimer(timeout, context: context)
        case .closeConnection:
            closeTimer?.cancel()
            context.close(promise: nil)
        }
    }

    /// Waits `timeout` for the server to end the closing handshake, then closes TCP.
    private func startCloseTimer(_ timeout: TimeAmount, context: ChannelHandlerContext) {
        closeTimer?.cancel()
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        closeTimer = context.eventLoop.scheduleTask(in: timeout) {
            let handler = bound.value
            handler.perform(handler.closeMachine.closeTimerExpired(), timeout: timeout)
        }
    }

    /// Masks, records and writes one frame (not flushed).
    func writeFrame(
        fin: Bool = true, rsv: UInt8 = 0, opcode: WebSocketOpcode, payload: ByteBuffer,
        recordedPayload: ByteBuffer? = nil, promise: EventLoopPromise<Void>?
    ) {
        guard let context else {
            promise?.fail(WebSocketError(kind: .closed, message: "the connection is closed"))
            return
        }
        let key = UInt32(truncatingIfNeeded: configuration.random())
        let length = UInt64(payload.readableBytes)
        var buffer = context.channel.allocator.buffer(
            capacity: FrameEncoder.headerSize(length: length, masked: true) + payload.readableBytes)
        FrameEncoder.encode(fin: fin, rsv: rsv, opcode: opcode, payload: payload, maskingKey: key, into: &buffer)
        sink.emit(
            .frameOut(
                WebSocketFrameRecord(
                    opcode: opcode, fin: fin, rsv: rsv, masked: true, length: length,
                    payload: recordedPayload ?? payload, compressed: recordedPayload != nil,
                    wirePayload: recordedPayload == nil ? nil : payload)))
        context.write(wrapOutboundOut(buffer), promise: promise)
    }

    // MARK: operations called by WebSocketConnection (on the event loop)

    var closedError: WebSocketError {
        connectionError.map { WebSocketError(kind: .closed, message: "the connection is closed (\($0.message))") }
            ?? WebSocketError(kind: .closed, message: "the connection is closed")
    }

    func sendMessage(opcode: WebSocketOpcode, payload: ByteBuffer, fragments: Int, promise: EventLoopPromise<Void>?) {
        guard case .open = phase, closeMachine.isOpen, context != nil else {
            promise?.fail(closedError)
            return
        }
        writeMessage(opcode: opcode, payload: payload, fragments: fragments, promise: promise)
        context?.flush()
    }

    /// Writes a data message now and flushes it when the current event-loop task ends, or at once when 64 KiB or
    /// more wait unflushed: a burst of sends from a task on this loop costs one system call.
    func sendMessageOnLoop(opcode: WebSocketOpcode, payload: ByteBuffer, fragments: Int) throws(WebSocketError) {
        guard case .open = phase, closeMachine.isOpen, let context else { throw closedError }
        writeMessage(opcode: opcode, payload: payload, fragments: fragments, promise: nil)
        // Counted with a frame header, so that an empty message is flushed too.
        unflushedBytes += payload.readableBytes + 2
        if unflushedBytes >= 64 * 1024 {
            unflushedBytes = 0
            context.flush()
        } else if !flushScheduled {
            flushScheduled = true
            context.eventLoop.assumeIsolated().execute { [self] in
                flushScheduled = false
                guard unflushedBytes > 0 else { return }
                unflushedBytes = 0
                self.context?.flush()
            }
        }
    }

    func sendControl(opcode: WebSocketOpcode, payload: ByteBuffer, promise: EventLoopPromise<Void>) {
        guard phase == .open || phase == .failed, context != nil else {
            promise.fail(closedError)
            return
        }
        writeFrame(opcode: opcode, payload: payload, promise: promise)
        context?.flush()
    }

    func sendRaw(_ raw: RawFrame, promise: EventLoopPromise<Void>) {
        guard let context, phase == .open || phase == .failed else {
            promise.fail(closedError)
            return
        }
        let random = configuration.random
        let buffer = FrameEncoder.encode(
            raw, randomKey: { UInt32(truncatingIfNeeded: random()) },
            allocator: context.channel.allocator)
        sink.emit(
            .frameOut(
                WebSocketFrameRecord(
                    opcode: raw.opcode, fin: raw.fin, rsv: raw.rsv, masked: raw.masked,
                    length: raw.lengthOverride ?? UInt64(raw.payload.readableBytes), payload: raw.payload)))
        context.writeAndFlush(wrapOutboundOut(buffer), promise: promise)
        // A complete raw close frame starts the closing handshake: no second close frame follows it.
        if raw.opcode == .close, raw.fin, raw.lengthOverride == nil {
            let payload = (try? ClosePayload.parse(raw.payload)) ?? ClosePayload(code: nil)
            if closeMachine.rawCloseSent(payload) { startCloseTimer(configuration.closeTimeout, context: context) }
        }
    }

    func sendBytes(_ bytes: ByteBuffer, promise: EventLoopPromise<Void>) {
        guard let context, phase == .open || phase == .failed else {
            promise.fail(closedError)
            return
        }
        sink.emit(.bytesOut(bytes))
        context.writeAndFlush(wrapOutboundOut(bytes), promise: promise)
    }

    func close(code: UInt16?, reason: String, timeout: TimeAmount, promise: EventLoopPromise<CloseOutcome>) {
        if case .ended = phase {
            promise.succeed(closeMachine.connectionClosed())
            return
        }
        closeWaiters.append(promise)
        perform(closeMachine.closeRequested(ClosePayload(code: code, reason: reason)), timeout: timeout)
    }

    func waitForClose(promise: EventLoopPromise<CloseOutcome>) {
        if case .ended = phase {
            promise.succeed(closeMachine.connectionClosed())
        } else {
            closeWaiters.append(promise)
        }
    }

    func disconnect() {
        perform(closeMachine.disconnectRequested(), timeout: configuration.closeTimeout)
    }
}
