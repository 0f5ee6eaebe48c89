/// Masks secrets in the frames of a fragmented text message (one masker per direction). The transcript masks each event on
/// its own, so a secret cut across two frames (`pw=hun` + `ter2`) would show in both halves; this holds the frames
/// of a message back until its last one, masks the secret where it lies in the whole message, and hands the frames
/// back with their masked payloads. Unfragmented frames and control frames pass through at once.
struct FragmentSecretMasker {
    /// A frame waiting for the rest of its message, with what recording it needs.
    struct Pending {
        var frame: FrameRecord
        var nanos: UInt64
        var step: String?
        var preferText: Bool
    }

    private var pending: [Pending] = []
    private var isText = false
    /// The frames held before were handed back at the hold limit: the next ones may begin with the rest of a
    /// secret cut there.
    private var continuesHandedBack = false
    /// Payload bytes held in `pending`.
    private var heldBytes = 0
    /// Past this many held frames or payload bytes the frames so far are handed back (masked over what arrived):
    /// a peer sending a long message in tiny fragments cannot make the transcript hold it all. A secret cut exactly
    /// where frames are handed back early can show in part.
    static let holdLimitFrames = 4096
    static let holdLimitBytes = 1 << 20

    /// Whether frames of an unfinished message are held back.
    var isHolding: Bool { !pending.isEmpty }

    /// Feeds the next frame (of the masker's direction); returns the frames to record now, in order.
    mutating func feed(_ next: Pending, redactor: Redactor) -> [Pending] {
        let opcode = next.frame.opcode
        guard opcode <= 0x2 else { return [next] }  // control frames may come between fragments
        if opcode != 0x0 {
            let stale = pending
            pending = []
            heldBytes = 0
            continuesHandedBack = false
            isText = opcode == 0x1
            if next.frame.fin { return stale + [next] }
        }
        // A lone final continuation (no message in progress) passes; after frames handed back at the limit, the
        // message's last frame still goes through the masking.
        if pending.isEmpty && opcode == 0x0 && next.frame.fin && !continuesHandedBack { return [next] }
        pending.append(next)
        heldBytes += next.frame.payload.count
        let overLimit =
            pending.count >= FragmentSecretMasker.holdLimitFrames || heldBytes >= FragmentSecretMasker.holdLimitBytes
        guard next.frame.fin || overLimit else { return [] }
        defer {
            pending = []
            heldBytes = 0
            continuesHandedBack = !next.frame.fin
        }
        // Handed back before the message ends: its end may be the start of a secret cut there.
        return masked(redactor, unfinished: !next.frame.fin)
    }

    /// Hands back the frames of an unfinished message (the connection failed or closed before its last frame),
    /// masked over the pieces that arrived.
    mutating func flush(redactor: Redactor) -> [Pending] {
        defer {
            pending = []
            heldBytes = 0
            continuesHandedBack = false
        }
        return masked(redactor, unfinished: true)
    }

    /// The held frames, masked over their joined payloads when the message is text. For a message that stops
    /// here unfinished, an end that is the start of a secret is masked too (the rest of the secret never came);
    /// after frames handed back at the limit, a start that is the end of a secret is masked too.
    private func masked(_ redactor: Redactor, unfinished: Bool) -> [Pending] {
        guard isText, !redactor.isEmpty,
            let masked = FragmentSecretMasker.mask(
                pending.map(\.frame.payload), redactor, cutAtEnd: unfinished, cutAtStart: continuesHandedBack)
        else { return pending }
        return zip(pending, masked).map { entry, payload in
            var masked = entry
            masked.frame.payload = payload
            return masked
        }
    }

    /// The payloads with every byte that belongs to a secret (in the whole message) replaced, each run of them by
    /// one `***`; nil when no secret occurs.
    static func mask(_ parts: [[UInt8]], _ redactor: Redactor, cutAtEnd: Bool = false, cutAtStart: Bool = false)
        -> [[UInt8]]?
    {
        let whole = parts.flatMap { $0 }
        var covered = [Bool](repeating: false, count: whole.count)
        var any = false
        for secret in redactor.secrets {
            let needle = Array(secret.utf8)
            guard !needle.isEmpty else { continue }
            // A piece of a secret cut off at either end: its longest part of at least three bytes (fewer for a
            // short secret) that the text ends or starts with.
            let shortest = max(1, min(3, needle.count - 1))
            if cutAtEnd, needle.count > 1 {
                for length in stride(from: min(needle.count - 1, whole.count), through: shortest, by: -1)
                where whole.suffix(length).elementsEqual(needle.prefix(length)) {
                    for index in (whole.count - length)..<whole.count { covered[index] = true }
                    any = true
                    break
                }
            }
            if cutAtStart, needle.count > 1 {
                for length in stride(from: min(needle.count - 1, whole.count), through: shortest, by: -1)
                where whole.prefix(length).elementsEqual(needle.suffix(length)) {
                    for index in 0..<length { covered[index] = true }
                    any = true
                    break
                }
            }
            guard needle.count <= whole.count else { continue }
            var start = 0
            while start + needle.count <= whole.count {
                if whole[start] == needle[0], Array(whole[start..<(start + needle.count)]) == needle {
                    for index in start..<(start + needle.count) { covered[index] = true }
                    any = true
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        guard any else { return nil }
        var result: [[UInt8]] = []
        var offset = 0
        for part in parts {
            var out: [UInt8] = []
            var inRun = false
            for (index, byte) in part.enumerated() {
                if covered[offset + index] {
                    if !inRun { out += Array(Redactor.mask.utf8) }
                    inRun = true
                } else {
                    out.append(byte)
                    inRun = false
                }
            }
            result.append(out)
            offset += part.count
        }
        return result
    }
}
