import CompressNIO
import NIOCore

/// Compresses outgoing messages for permessage-deflate (RFC 7692 §7.2.1): raw DEFLATE, each frame's piece ended with
/// a sync flush, the trailing `00 00 ff ff` of the last piece removed, and the context reset after each message when
/// no context takeover was agreed. Not thread-safe: use it on one event loop.
public final class MessageCompressor {
    private let compressor: ZlibCompressor
    private let noContextTakeover: Bool

    /// A compressor for the given window (8...15) and takeover rule. A window of 8 (which zlib cannot compress
    /// with) compresses with Huffman coding only: no back-references, so any window can inflate it.
    public init(windowBits: Int, noContextTakeover: Bool) throws(PerMessageDeflateError) {
        let bits = Int32(min(max(windowBits, 9), 15))
        let strategy: ZlibConfiguration.Strategy = windowBits <= 8 ? .huffmanOnly : .default
        do {
            compressor = try ZlibCompressor(
                algorithm: .deflate,
                configuration: ZlibConfiguration(windowSize: bits, memoryLevel: 8, strategy: strategy))
        } catch {
            throw .compressionFailed("\(error)")
        }
        self.noContextTakeover = noContextTakeover
    }

    /// Convenience: the compressor `role` uses under `parameters`.
    public convenience init(parameters: PerMessageDeflateParameters, role: PerMessageDeflateRole)
        throws(PerMessageDeflateError)
    {
        try self.init(
            windowBits: parameters.maxWindowBits(sender: role),
            noContextTakeover: parameters.noContextTakeover(sender: role))
    }

    /// Compresses a whole message into one payload (trailer removed).
    public func compress(message: ByteBuffer, allocator: ByteBufferAllocator = ByteBufferAllocator())
        throws(PerMessageDeflateError) -> ByteBuffer
    {
        try compress(piece: message, final: true, allocator: allocator)
    }

    /// Compresses the next piece of a message (one frame's share). Every piece is sync-flushed so that its frame
    /// carries exactly that piece; `final` marks the message's last piece (trailer removed, context reset if agreed).
    public func compress(piece: ByteBuffer, final: Bool, allocator: ByteBufferAllocator = ByteBufferAllocator())
        throws(PerMessageDeflateError) -> ByteBuffer
    {
        if piece.readableBytes == 0 {
            // zlib makes no progress on an empty sync flush after a sync flush (Z_BUF_ERROR): an empty piece is
            // nothing, and an empty message is the empty stored block without its trailer, `00` (RFC 7692 §7.2.3.6).
            if final && noContextTakeover {
                do { try compressor.reset() } catch { throw .compressionFailed("\(error)") }
            }
            var output = allocator.buffer(capacity: 1)
            if final { output.writeInteger(UInt8(0)) }
            return output
        }
        var input = allocator.buffer(capacity: max(piece.readableBytes, 16))
        input.writeImmutableBuffer(piece)
        var output = allocator.buffer(capacity: compressor.maxSize(from: input) + 16)
        do {
            while true {
                try compressor.deflate(from: &input, to: &output, flush: .sync)
                if input.readableBytes == 0 && output.writableBytes > 0 { break }
                output.reserveCapacity(minimumWritableBytes: max(64, output.capacity))
            }
        } catch {
            throw .compressionFailed("\(error)")
        }
        guard final else { return output }
        if output.readableBytes >= 4,
            output.getBytes(at: output.writerIndex - 4, length: 4) == [0x00, 0x00, 0xFF, 0xFF]
        {
            output.moveWriterIndex(to: output.writerIndex - 4)
        }
        if noContextTakeover {
            do { try compressor.reset() } catch { throw .compressionFailed("\(error)") }
        }
        return output
    }
}
