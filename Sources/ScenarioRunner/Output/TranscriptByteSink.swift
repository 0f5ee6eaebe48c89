/// A growable byte buffer for transcript lines, written through a raw pointer: an append is a capacity check and a
/// copy, without the uniqueness check and the exclusivity bookkeeping an `[UInt8]` costs on every call.
struct TranscriptByteSink: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes written.
    private(set) var count = 0

    /// An empty buffer holding `capacity` bytes before it grows.
    init(capacity: Int = 4096) {
        self.capacity = max(16, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// Whether nothing is buffered.
    var isEmpty: Bool { count == 0 }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        storage[count] = byte
        count += 1
    }

    /// Appends `bytes`.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if capacity - count < bytes.count { grow(toHold: bytes.count) }
        (storage + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends `repetitions` copies of `byte`.
    mutating func append(_ byte: UInt8, repetitions: Int) {
        guard repetitions > 0 else { return }
        if capacity - count < repetitions { grow(toHold: repetitions) }
        (storage + count).initialize(repeating: byte, count: repetitions)
        count += repetitions
    }

    /// Calls `body` with the bytes in `range` (all of them by default); they must not be kept.
    func withBytes<Result>(
        in range: Range<Int>? = nil, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        let range = range ?? 0..<count
        return try body(UnsafeBufferPointer(start: storage + range.lowerBound, count: range.count))
    }

    /// The bytes in `range` (all of them by default) as an array.
    func array(in range: Range<Int>? = nil) -> [UInt8] {
        withBytes(in: range) { Array($0) }
    }

    /// Drops the bytes from `index` on.
    mutating func removeSuffix(from index: Int) {
        count = min(count, max(0, index))
    }

    /// Empties the buffer; its storage is given back when it grew past `keptCapacity`.
    mutating func removeAll(keepingCapacityUpTo keptCapacity: Int) {
        count = 0
        guard capacity > keptCapacity else { return }
        storage.deallocate()
        capacity = 4096
        storage = .allocate(capacity: capacity)
    }

    private mutating func grow(toHold extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.initialize(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
