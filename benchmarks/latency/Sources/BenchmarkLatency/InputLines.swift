import Foundation

/// The lines of an input file, read whole and split on `\n` without copying.
public struct InputLines: Sendable {
    /// The file's contents.
    public let data: Data
    /// The name used in error messages (the path, or a label for in-memory input).
    public let source: String

    public init(data: Data, source: String) {
        self.data = data
        self.source = source
    }

    /// Reads the file at `path`; throws `LatencyError.unreadable` when it cannot.
    public init(contentsOf path: String) throws {
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LatencyError.unreadable(path: path, reason: String(describing: error.localizedDescription))
        }
        source = path
    }

    /// Calls `body` with each line's bytes (without the `\n`, a trailing `\r` kept) and its 1-based number.
    public func forEachLine(_ body: (UnsafeRawBufferPointer, Int) throws -> Void) rethrows {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            var number = 1
            while start < bytes.count {
                let remaining = bytes.count - start
                let newline = memchr(base + start, 0x0A, remaining)
                let end = newline.map { UnsafeRawPointer($0) - base } ?? bytes.count
                try body(UnsafeRawBufferPointer(start: base + start, count: end - start), number)
                start = end + 1
                number += 1
            }
        }
    }
}

extension UnsafeRawBufferPointer {
    /// True when these bytes contain `needle` (a short ASCII marker).
    func contains(marker needle: StaticString) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard let base = baseAddress, length > 0, count >= length else { return false }
        let first = Int32(needle.utf8Start.pointee)
        var offset = 0
        while offset <= count - length, let hit = memchr(base + offset, first, count - length - offset + 1) {
            let position = UnsafeRawPointer(hit) - base
            if memcmp(hit, needle.utf8Start, length) == 0 { return true }
            offset = position + 1
        }
        return false
    }
}
