import NIOCore

/// An incremental WebSocket frame parser: feed it bytes in any split (even one by one) and take frames out.
///
/// Header-level rules are checked as soon as the header is complete: masking, reserved opcodes, RSV bits, control
/// frame rules, and the frame size limit. A frame over the size limit fails at once, before its payload is waited for
/// or allocated; a frame breaking another rule fails once its payload arrived, so that `rejectedFrame` can show it.
/// Unmasked payloads are slices of the received buffers (no copy); masked payloads are copied once, unmasked.
public struct FrameParser: Sendable {
    /// The rules this parser enforces.
    public var configuration: FrameParserConfiguration
    private var buffer: ByteBuffer?
    private var failed = false
    /// The frame that broke a rule, once `nextFrame` threw: its header fields and (unmasked) payload. A frame
    /// with an absurd length (over `maxFrameSize`, or the 64-bit length's top bit set) has no payload here and
    /// its declared length in `lengthOverride`; its payload is never read.
    public private(set) var rejectedFrame: RawFrame?

    public init(configuration: FrameParserConfiguration = FrameParserConfiguration()) {
        self.configuration = configuration
    }

    /// The number of bytes received but not yet returned as frames.
    public var bufferedBytes: Int { buffer?.readableBytes ?? 0 }

    /// Appends received bytes.
    public mutating func append(_ bytes: ByteBuffer) {
        if var existing = buffer, existing.readableBytes > 0 {
            buffer = nil
            if existing.readerIndex > 0 { existing.discardReadBytes() }
            // A large frame arriving in pieces: make room for all of it once, instead of growing (and copying)
            // the buffer step by step. Only for sizes within the limit: a lying header allocates nothing.
            let arriving = existing.readableBytes + bytes.readableBytes
            if let size = FrameParser.frameSize(existing), size > arriving, size <= configuration.maxFrameSize + 14 {
                existing.reserveCapacity(minimumWritableBytes: size - existing.readableBytes)
            }
            existing.writeImmutableBuffer(bytes)
            buffer = existing
        } else {
            buffer = bytes
        }
    }

    /// The start of the header of the frame at `buffer`'s reader index: its first byte, the mask bit, the payload
    /// length and the header size without the masking key; nil until the length fields have arrived.
    static func header(_ buffer: ByteBuffer) -> (first: UInt8, masked: Bool, length: UInt64, size: Int)? {
        let start = buffer.readerIndex
        guard let first = buffer.getInteger(at: start, as: UInt8.self),
            let second = buffer.getInteger(at: start + 1, as: UInt8.self)
        else { return nil }
        let masked = second & 0x80 != 0
        switch second & 0x7F {
        case 126:
            guard let length = buffer.getInteger(at: start + 2, as: UInt16.self) else { return nil }
            return (first, masked, UInt64(length), 4)
        case 127:
            guard let length = buffer.getInteger(at: start + 2, as: UInt64.self) else { return nil }
            return (first, masked, length, 10)
        case let short:
            return (first, masked, UInt64(short), 2)
        }
    }

    /// The whole size (header and payload) of the frame starting at `buffer`'s reader index, once its header's
    /// length fields are there.
    static func frameSize(_ buffer: ByteBuffer) -> Int? {
        guard let header = header(buffer), header.length < UInt64(Int.max / 2) else { return nil }
        return header.size + (header.masked ? 4 : 0) + Int(header.length)
    }

    /// Returns the next complete frame, `nil` if more bytes are needed, or throws the first protocol violation.
    /// After a violation the parser stays failed and only returns `nil`.
    public mutating func nextFrame() throws(ProtocolViolation) -> WebSocketFrame? {
        guard !failed, var input = buffer, let header = FrameParser.header(input) else { return nil }
        buffer = nil
        defer { buffer = input }
        let start = input.readerIndex
        let (first, masked, length) = (header.first, header.masked, header.length)
        var headerLength = header.size
        let violation = headerViolation(first: first, masked: masked, length: length, headerSize: headerLength)
        if let violation, length & (1 << 63) != 0 || length > UInt64(configuration.maxFrameSize) {
            // An absurd length: record the header and the declared length, never wait for or allocate the payload.
            rejectedFrame = RawFrame(
                opcode: WebSocketOpcode(rawValue: first & 0x0F), fin: first & 0x80 != 0, rsv: (first >> 4) & 0b111,
                masked: masked, lengthOverride: length)
            failed = true
            throw violation
        }
        var maskingKey: UInt32?
        if masked {
            guard let key = input.getInteger(at: start + headerLength, as: UInt32.self) else { return nil }
            maskingKey = key
            headerLength += 4
        }
        let payloadLength = Int(length)
        guard input.readableBytes >= headerLength + payloadLength else { return nil }
        input.moveReaderIndex(forwardBy: headerLength)
        var payload: ByteBuffer
        if let maskingKey {
            // Unmasked while copied: one pass over the payload.
            payload = ByteBufferAllocator().buffer(capacity: payloadLength)
            let slice = input.readSlice(length: payloadLength)!
            slice.withUnsafeReadableBytes { source in
                _ = payload.writeWithUnsafeMutableBytes(minimumWritableBytes: payloadLength) { target in
                    FrameMasking.mask(key: maskingKey, from: source, into: target)
                    return payloadLength
                }
            }
        } else {
            payload = input.readSlice(length: payloadLength)!
        }
        if let violation {
            rejectedFrame = RawFrame(
                opcode: WebSocketOpcode(rawValue: first & 0x0F), fin: first & 0x80 != 0, rsv: (first >> 4) & 0b111,
                masked: masked, maskingKey: maskingKey, payload: payload)
            failed = true
            throw violation
        }
        return WebSocketFrame(
            fin: first & 0x80 != 0, rsv: (first >> 4) & 0b111, opcode: WebSocketOpcode(rawValue: first & 0x0F),
            maskingKey: maskingKey, payload: payload)
    }

    /// The frame whose header is complete but whose payload is not yet: its opcode and the payload bytes received so
    /// far (unmasked frames only). Lets a caller fail fast on invalid UTF-8 before the whole frame arrived.
    public func partialFrame() -> (opcode: WebSocketOpcode, fin: Bool, payloadPrefix: ByteBuffer)? {
        guard !failed, let input = buffer, let header = FrameParser.header(input), !header.masked else { return nil }
        let (first, length, headerLength) = (header.first, header.length, header.size)
        guard headerViolation(first: first, masked: false, length: length, headerSize: headerLength) == nil else {
            return nil
        }
        let available = input.readableBytes - headerLength
        guard available >= 0, UInt64(available) < length else { return nil }
        return (
            WebSocketOpcode(rawValue: first & 0x0F), first & 0x80 != 0,
            input.getSlice(at: input.readerIndex + headerLength, length: available)!
        )
    }

    /// The first RFC 6455 header rule (or size limit) the frame breaks, if any. `headerSize` is the size of the
    /// header without the masking key (2, 4 or 10 bytes), which tells the length field's form.
    private func headerViolation(first: UInt8, masked: Bool, length: UInt64, headerSize: Int) -> ProtocolViolation? {
        let opcode = WebSocketOpcode(rawValue: first & 0x0F)
        let rsv = (first >> 4) & 0b111
        let violation: ProtocolViolation?
        if !configuration.strict {
            if length & (1 << 63) != 0 {
                violation = .invalidLength()
            } else if length > UInt64(configuration.maxFrameSize) {
                violation = .frameTooLarge(length, limit: configuration.maxFrameSize)
            } else {
                violation = nil
            }
        } else if masked != configuration.expectMasked {
            violation = masked ? .maskedFrame() : .unmaskedFrame()
        } else if opcode.isReserved {
            violation = .reservedOpcode(opcode.rawValue)
        } else if rsv & ~configuration.allowedRSV != 0 {
            violation = .reservedBits(rsv & ~configuration.allowedRSV)
        } else if opcode.isControl && first & 0x80 == 0 {
            violation = .fragmentedControlFrame(opcode.rawValue)
        } else if opcode.isControl && length > 125 {
            violation = .controlFrameTooLong(opcode.rawValue, length)
        } else if length & (1 << 63) != 0 {
            violation = .invalidLength()
        } else if length > UInt64(configuration.maxFrameSize) {
            violation = .frameTooLarge(length, limit: configuration.maxFrameSize)
        } else if headerSize == 4 && length < 126 {
            violation = .nonMinimalLength(length, bits: 16)
        } else if headerSize == 10 && length <= 0xFFFF {
            violation = .nonMinimalLength(length, bits: 64)
        } else {
            violation = nil
        }
        return violation
    }
}
