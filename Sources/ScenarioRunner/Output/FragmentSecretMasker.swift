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
            isText = opcode == 0x1
            if next.frame.fin { return stale + [next] }
        }
        if pending.isEmpty && opcode == 0x0 && next.frame.fin { return [next] }
        pending.append(next)
        heldBytes += next.frame.payload.count
        let overLimit =
            pending.count >= FragmentSecretMasker.holdLimitFrames || heldBytes >= FragmentSecretMasker.holdLimitBytes
        guard next.frame.fin || overLimit else { return [] }
        defer {
            pending = []
            heldBytes = 0
        }
        return masked(redactor)
    }

    /// Hands back the frames of an unfinished message (the connection failed or closed before its last frame),
    /// masked over the pieces that arrived.
    mutating func flush(redactor: Redactor) -> [Pending] {
        defer {
            pending = []
            heldBytes = 0
        }
        return masked(redactor)
    }

    /// The held frames, masked over their joined payloads when the message is text.
    private func masked(_ redactor: Redactor) -> [Pending] {
        guard isText, !redactor.isEmpty, let masked = FragmentSecretMasker.mask(pending.map(\.frame.payload), redactor)
        else { return pending }
        return zip(pending, masked).map { entry, payload in
            var masked = entry
            masked.frame.payload = payload
            return masked
        }
    }

    /// The payloads with every byte that belongs to a secret (in the whole message) replaced, each run of them by
    /// one `***`; nil when no secret occurs.
    static func mask(_ parts: [[UInt8]], _ redactor: Redactor) -> [[UInt8]]? {
        let whole = parts.flatMap { $0 }
        var covered = [Bool](repeating: false, count: whole.count)
        var any = false
        for secret in redactor.secrets {
            let needle = Array(secret.utf8)
            guard !needle.isEmpty, needle.count <= whole.count else { continue }
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
