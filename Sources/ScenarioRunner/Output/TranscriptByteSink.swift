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

    /// Rewrites DEL (0x7F) and the C1 controls (U+0080–U+009F, NEL among them; UTF-8 `C2 80`…`C2 9F`) in the bytes
    /// from `start` on as `\u007f` / `\u0085`, as the JSON escaping writes the C0 ones: the text transcript is
    /// read on terminals, which act on them. Bytes without either stay where they are.
    mutating func escapeDeleteAndC1(from start: Int) {
        var index = start
        while index < count && storage[index] != 0x7F && storage[index] != 0xC2 { index += 1 }
        guard index < count else { return }
        let rest = UnsafeBufferPointer(start: storage + index, count: count - index)
        var tail: [UInt8] = []
        tail.reserveCapacity(rest.count + 12)
        var position = 0
        while position < rest.count {
            let byte = rest[position]
            if byte == 0x7F {
                tail += Array("\\u007f".utf8)
                position += 1
            } else if byte == 0xC2, position + 1 < rest.count, (0x80...0x9F).contains(rest[position + 1]) {
                let hex = Array("0123456789abcdef".utf8)
                tail += Array("\\u00".utf8) + [hex[Int(rest[position + 1] >> 4)], hex[Int(rest[position + 1] & 0x0F)]]
                position += 2
            } else {
                tail.append(byte)
                position += 1
            }
        }
        count = index
        tail.withUnsafeBufferPointer { append($0) }
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
