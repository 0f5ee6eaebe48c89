import CompressNIO
import NIOCore

/// Inflates incoming compressed messages for permessage-deflate (RFC 7692 §7.2.2), frame by frame, never producing
/// more than a caller-given bound (a decompression bomb is stopped there). Appends `00 00 ff ff` after the message's
/// last frame and resets the context after each message when no context takeover was agreed. Not thread-safe.
public final class MessageDecompressor {
    private let decompressor: ZlibDecompressor
    private let noContextTakeover: Bool
    private var streamEnded = false
    /// Whether a message was inflated already (a later one that refers back is then a likely context misuse).
    private var inflatedOne = false
    private static let trailer: [UInt8] = [0x00, 0x00, 0xFF, 0xFF]

    /// A decompressor; it always inflates with a 32 KiB window (the largest), which accepts every smaller window.
    public init(noContextTakeover: Bool) throws(PerMessageDeflateError) {
        do {
            decompressor = try ZlibDecompressor(algorithm: .deflate, windowSize: 15)
        } catch {
            throw .corruptData("cannot start zlib: \(error)")
        }
        self.noContextTakeover = noContextTakeover
    }

    /// Convenience: the decompressor for what `sender` compresses under `parameters`.
    public convenience init(parameters: PerMessageDeflateParameters, sender: PerMessageDeflateRole)
        throws(PerMessageDeflateError)
    {
        try self.init(noContextTakeover: parameters.noContextTakeover(sender: sender))
    }

    /// Inflates one frame's payload of a compressed message; `final` for the message's last frame. Throws
    /// `messageTooLarge(limit:)` as soon as the output would pass `limit` bytes, `corruptData` for invalid DEFLATE.
    public func decompress(
        frame payload: ByteBuffer, final: Bool, limit: Int, allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) throws(PerMessageDeflateError) -> ByteBuffer {
        var input = allocator.buffer(capacity: payload.readableBytes + 4)
        input.writeImmutableBuffer(payload)
        if final { input.writeBytes(Self.trailer) }
        let bound = max(limit, 0)
        var output = allocator.buffer(capacity: min(max(payload.readableBytes * 4, 256), bound + 1))
        if streamEnded {
            // A BFINAL block ended the previous stream: this message starts a new one.
            try reset()
        }
        while input.readableBytes > 0 || output.writableBytes == 0 {
            if output.writableBytes == 0 {
                guard output.readableBytes <= bound else { throw .messageTooLarge(limit: limit) }
                let growth = min(max(output.capacity, 1024), bound + 1 - output.readableBytes)
                output.reserveCapacity(minimumWritableBytes: growth)
                if output.writableBytes == 0 { throw .messageTooLarge(limit: limit) }
            }
            do {
                try decompressor.inflate(from: &input, to: &output)
                if input.readableBytes == 0 && output.writableBytes > 0 { break }
                if input.readableBytes > 0 && output.writableBytes > 0 {
                    // Z_STREAM_END: a final block ended the stream; the rest (the trailer) is ignored.
                    streamEnded = true
                    break
                }
            } catch let error as CompressNIOError where error == .bufferOverflow {
                continue
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                break
            } catch let error as CompressNIOError where error == .corruptData {
                throw .corruptData(
                    noContextTakeover && inflatedOne
                        ? "not valid DEFLATE data (refers to an earlier message? no context takeover was agreed)"
                        : "not valid DEFLATE data")
            } catch {
                throw .corruptData("zlib failed (\(Self.describe(error)))")
            }
            if output.readableBytes > bound { throw .messageTooLarge(limit: limit) }
        }
        if output.readableBytes > bound { throw .messageTooLarge(limit: limit) }
        if final && (noContextTakeover || streamEnded) { try reset() }
        if final { inflatedOne = true }
        return output
    }

    /// zlib's failures other than invalid data, in words (CompressNIO names them as enum cases).
    private static func describe(_ error: Error) -> String {
        guard let error = error as? CompressNIOError else { return "\(error)" }
        switch error {
        case .noMoreMemory: return "out of memory"
        case .unfinished: return "the stream is unfinished"
        case .uninitializedStream: return "the stream is not initialised"
        default: return "internal error"
        }
    }

    private func reset() throws(PerMessageDeflateError) {
        do { try decompressor.reset() } catch { throw .corruptData("cannot reset zlib: \(error)") }
        streamEnded = false
    }
}
