import NIOCore
import PerMessageDeflate
import WebSocketCore

/// permessage-deflate (RFC 7692) on the client connection: negotiation, inflating received messages (bounded by the
/// maximum message size), compressing sent ones.
extension WebSocketChannelHandler {
    /// The extension offers the request carried (from `extensions`, or an extra `Sec-WebSocket-Extensions` header).
    var offeredExtensions: [String] { request.headers.tokens("Sec-WebSocket-Extensions") }

    /// Checks the server's permessage-deflate answer and sets up the codec. Returns the reason the handshake must
    /// fail, or `nil`.
    func negotiateDeflate(_ head: HTTPResponseHead) -> String? {
        let parameters: PerMessageDeflateParameters?
        do {
            parameters = try PerMessageDeflateNegotiation.clientAccept(
                responseValues: head.headers.values("Sec-WebSocket-Extensions"),
                offeredExtensions: offeredExtensions)
        } catch {
            return "permessage-deflate: \(error.message)"
        }
        guard let parameters else { return nil }
        do {
            deflate = DeflateState(
                parameters: parameters,
                compressor: try MessageCompressor(parameters: parameters, role: .client),
                decompressor: try MessageDecompressor(parameters: parameters, sender: .server))
        } catch {
            return "permessage-deflate: \(error.message)"
        }
        frameParser.configuration.allowedRSV = 0b100
        // The limits are on messages as sent: an incompressible message grows a little when deflated (about 5 bytes
        // per 16 KiB block), so its compressed frame may exceed the limit by that much. The inflated message is
        // still held to `maxMessageSize`.
        frameParser.configuration.maxFrameSize = WebSocketChannelHandler.withDeflateOverhead(configuration.maxFrameSize)
        return nil
    }

    /// `size` plus the most deflate can add to data that does not compress (stored blocks: 5 bytes per block; one per
    /// mille is well above it) and a margin for the stream's end.
    static func withDeflateOverhead(_ size: Int) -> Int { size + size / 1000 + 1024 }

    /// Applies the RSV1 rules to a received frame and inflates the frames of a compressed message. Returns the frame
    /// to hand to the message assembler (uncompressed, RSV1 cleared) and its transcript record.
    func inflate(_ frame: WebSocketFrame) throws(ProtocolViolation) -> (WebSocketFrame, WebSocketFrameRecord) {
        guard var state = deflate else { return (frame, WebSocketFrameRecord(frame)) }
        let rsv1 = frame.rsv & 0b100 != 0
        if rsv1 && frame.opcode.isControl {
            throw .extensionFailure(
                "RSV1 set on a control frame (opcode 0x\(String(frame.opcode.rawValue, radix: 16)))", closeCode: 1002)
        }
        if rsv1 && frame.opcode == .continuation {
            throw .extensionFailure("RSV1 set on a continuation frame", closeCode: 1002)
        }
        let isData = frame.opcode == .text || frame.opcode == .binary
        if isData && !assembler.isAssembling { state.inflating = rsv1 }
        guard state.inflating, isData || frame.opcode == .continuation, !(isData && assembler.isAssembling) else {
            deflate = state
            return (frame, WebSocketFrameRecord(frame))
        }
        let payload: ByteBuffer
        do {
            payload = try state.decompressor.decompress(
                frame: frame.payload, final: frame.fin, limit: configuration.maxMessageSize - state.inflatedBytes)
        } catch {
            deflate = state
            throw .extensionFailure(error.message, closeCode: error.closeCode)
        }
        state.inflatedBytes += payload.readableBytes
        if frame.fin {
            state.inflating = false
            state.inflatedBytes = 0
        }
        deflate = state
        var plain = frame
        plain.payload = payload
        plain.rsv = frame.rsv & 0b011
        let record = WebSocketFrameRecord(
            opcode: frame.opcode, fin: frame.fin, rsv: frame.rsv, masked: frame.isMasked,
            length: UInt64(frame.payload.readableBytes), payload: payload, compressed: true,
            wirePayload: frame.payload)
        return (plain, record)
    }

    /// Writes one data message, compressed when permessage-deflate was negotiated: each fragment's share is
    /// compressed (sync-flushed) separately so its record shows exactly that share; RSV1 on the first frame only.
    func writeMessage(opcode: WebSocketOpcode, payload: ByteBuffer, fragments: Int, promise: EventLoopPromise<Void>?) {
        let count = max(1, fragments)
        let total = payload.readableBytes
        var offset = 0
        for index in 0..<count {
            let size = total / count + (index < total % count ? 1 : 0)
            let piece = payload.getSlice(at: payload.readerIndex + offset, length: size)!
            offset += size
            let last = index == count - 1
            let frameOpcode = index == 0 ? opcode : .continuation
            if let state = deflate, opcode == .text || opcode == .binary {
                let wire: ByteBuffer
                do {
                    wire = try state.compressor.compress(
                        piece: piece, final: last, allocator: context?.channel.allocator ?? ByteBufferAllocator())
                } catch {
                    promise?.fail(WebSocketError(kind: .closed, message: error.description))
                    return
                }
                writeFrame(
                    fin: last, rsv: index == 0 ? 0b100 : 0, opcode: frameOpcode, payload: wire,
                    recordedPayload: piece, promise: last ? promise : nil)
            } else {
                writeFrame(fin: last, opcode: frameOpcode, payload: piece, promise: last ? promise : nil)
            }
        }
    }
}

/// The negotiated permessage-deflate codec of one client connection and the state of the message being inflated.
struct DeflateState {
    let parameters: PerMessageDeflateParameters
    let compressor: MessageCompressor
    let decompressor: MessageDecompressor
    /// The message being received is compressed.
    var inflating = false
    /// Uncompressed bytes of that message so far.
    var inflatedBytes = 0
}
