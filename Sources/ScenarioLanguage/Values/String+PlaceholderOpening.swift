import Foundation

extension String {
    /// Whether the text holds `${`, the opening of a placeholder. A byte scan with `memchr`: Foundation's
    /// `contains(_:)` searches through `NSString`, which shows when a scenario inlines megabytes of base64.
    var hasPlaceholderOpening: Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset < bytes.count - 1 {
                guard let dollar = memchr(base + offset, 0x24, bytes.count - offset - 1) else { return false }
                let index = base.distance(to: dollar.assumingMemoryBound(to: UInt8.self))
                if bytes[index + 1] == 0x7B { return true }
                offset = index + 1
            }
            return false
        }
    }
}
