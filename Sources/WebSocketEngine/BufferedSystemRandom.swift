import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The default random source for handshake and masking keys: the operating system's cryptographic generator
/// (`/dev/urandom`), read 4 KiB at a time instead of one system call per frame (a masking key per frame made
/// `getrandom` one of the most frequent system calls of a sequential run). Thread-safe.
public enum BufferedSystemRandom {
    private struct Pool: ~Copyable {
        var words = [UInt64](repeating: 0, count: 512)
        var next = 512
    }

    private static let pool = Mutex(Pool())

    /// 64 random bits.
    public static func next() -> UInt64 {
        pool.withLock { pool in
            if pool.next == pool.words.count {
                refill(&pool.words)
                pool.next = 0
            }
            defer { pool.next += 1 }
            return pool.words[pool.next]
        }
    }

    private static func refill(_ words: inout [UInt64]) {
        let filled = words.withUnsafeMutableBytes { buffer -> Bool in
            #if canImport(Glibc)
                let descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { return false }
                defer { close(descriptor) }
                var offset = 0
                while offset < buffer.count {
                    let count = read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if count <= 0 { return false }
                    offset += count
                }
                return true
            #else
                return false
            #endif
        }
        if !filled {
            var generator = SystemRandomNumberGenerator()
            for index in words.indices { words[index] = generator.next() }
        }
    }
}
