import NIOCore

@testable import WebSocketCore

/// Builds a buffer from bytes.
func buffer(_ bytes: [UInt8]) -> ByteBuffer { ByteBuffer(bytes: bytes) }

/// Feeds `bytes` to a parser in chunks of `chunk` bytes and collects every frame (or the first error).
func parseAll(_ bytes: [UInt8], chunk: Int, configuration: FrameParserConfiguration = .init())
    -> (frames: [WebSocketFrame], error: ProtocolViolation?)
{
    var parser = FrameParser(configuration: configuration)
    var frames: [WebSocketFrame] = []
    var index = 0
    while index < bytes.count {
        let end = min(index + chunk, bytes.count)
        parser.append(buffer(Array(bytes[index..<end])))
        index = end
        do {
            while let frame = try parser.nextFrame() { frames.append(frame) }
        } catch {
            return (frames, error)
        }
    }
    return (frames, nil)
}

/// A deterministic random source for reproducible keys.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}
