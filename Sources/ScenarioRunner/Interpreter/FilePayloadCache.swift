import Foundation
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The contents of `binary: { file: }` payloads, kept so that a `send` in a `repeat` does not read the same file
/// from disk on every iteration.
///
/// Every use checks the file with `stat`: a cached copy is only used while the file's device, inode, size,
/// modification and change times are the same as when it was read, so a file changed between two sends is sent
/// as changed. File times are coarse (a few milliseconds on Linux), so a file changed within the same tick with
/// the same size would look unchanged: a copy read less than `settleSeconds` after the file's last change is
/// therefore not trusted and the file is read again (as git does with "racily clean" entries).
final class FilePayloadCache: @unchecked Sendable {
    /// The cache the interpreter uses (shared by the scenarios of a run; entries are checked on every use).
    static let shared = FilePayloadCache()

    /// The most bytes kept; the cache is emptied when a new file would exceed it.
    static let capacity = 256 << 20

    /// How many whole seconds after its last change a file's copy is trusted.
    let settleSeconds: Int
    /// The wall clock in seconds (file times are wall-clock times).
    private let nowSeconds: @Sendable () -> Int

    private struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: timespec
        var changed: timespec

        static func == (lhs: Identity, rhs: Identity) -> Bool {
            lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.size == rhs.size
                && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
                && lhs.changed.tv_sec == rhs.changed.tv_sec && lhs.changed.tv_nsec == rhs.changed.tv_nsec
        }
    }

    private struct Entry {
        var identity: Identity
        var bytes: ByteBuffer
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var storedBytes = 0
    private var readCount = 0

    init(settleSeconds: Int = 2, nowSeconds: @escaping @Sendable () -> Int = FilePayloadCache.wallClockSeconds) {
        self.settleSeconds = settleSeconds
        self.nowSeconds = nowSeconds
    }

    /// How many times a file was read from disk (for tests).
    var reads: Int { lock.withLock { readCount } }

    /// The file's bytes, from the cache when the file has not changed since it was read (shared by the sends,
    /// not copied); nil when it cannot be read.
    func buffer(atPath path: String) -> ByteBuffer? {
        guard let before = FilePayloadCache.identity(path) else { return read(path) }
        if let cached = lock.withLock({ entries[path] }), cached.identity == before { return cached.bytes }
        guard let bytes = read(path) else { return nil }
        // Keep the copy only if the file did not change while it was read and has settled.
        guard let after = FilePayloadCache.identity(path), after == before, after.size == Int64(bytes.readableBytes),
            hasSettled(after)
        else { return bytes }
        lock.withLock {
            if let old = entries.removeValue(forKey: path) { storedBytes -= old.bytes.readableBytes }
            guard bytes.readableBytes <= FilePayloadCache.capacity else { return }
            if storedBytes + bytes.readableBytes > FilePayloadCache.capacity {
                entries = [:]
                storedBytes = 0
            }
            entries[path] = Entry(identity: after, bytes: bytes)
            storedBytes += bytes.readableBytes
        }
        return bytes
    }

    private func read(_ path: String) -> ByteBuffer? {
        lock.withLock { readCount += 1 }
        return FileManager.default.contents(atPath: path).map { ByteBuffer(bytes: $0) }
    }

    private static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
            let changed = info.st_ctimespec
        #else
            let modified = info.st_mtim
            let changed = info.st_ctim
        #endif
        return Identity(
            device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino),
            size: Int64(info.st_size), modified: modified, changed: changed)
    }

    /// Whether the file's last change lies more than `settleSeconds` whole seconds in the past.
    private func hasSettled(_ identity: Identity) -> Bool {
        let latest = max(identity.modified.tv_sec, identity.changed.tv_sec)
        return nowSeconds() - Int(latest) > settleSeconds
    }

    @Sendable static func wallClockSeconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int(now.tv_sec)
    }
}
