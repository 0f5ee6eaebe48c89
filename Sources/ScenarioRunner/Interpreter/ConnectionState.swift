import Foundation
import NIOCore

/// Everything the interpreter knows about one named connection: the inbox of data messages (from the 101 on),
/// pongs, the server's close, the pending error. Updated from transport events (any thread), read by steps.
final class ConnectionState: @unchecked Sendable {
    let name: String
    let signal = ChangeSignal()
    private let lock = NSLock()
    private let transcript: TranscriptWriter
    private let steps: StepTracker
    private let clock: @Sendable () -> UInt64

    // Storage marked `@exclusivity(unchecked)` is touched under `lock` only; the runtime's access checks cost time
    // on every frame (BENCHMARKS.md, session 6).
    @exclusivity(unchecked) private var connectionStorage: (any ScenarioConnection)?
    private var handshakeStorage: HandshakeResponse?
    /// Every data message by arrival index; a consumed message is dropped (nil), so its payload is freed.
    @exclusivity(unchecked) private var messages: [InboxMessage?] = []
    private var pongs: [[UInt8]] = []
    private var serverCloseStorage: (code: Int?, reason: String)?
    @exclusivity(unchecked) private var closedStorage: (code: Int, reason: String, by: CloseSide)?
    private var errorStorage: ConnectionFailure?
    private var clientCloseSent = false
    /// Whether a close frame went out (from `close`, `send_frame` or as the answer to the server's close).
    private var closeFrameSentStorage = false
    @exclusivity(unchecked) private var errorSeen = false
    /// The first error of the connection, kept after `expect_error` consumed it.
    private var firstErrorStorage: ConnectionFailure?
    /// The step that was running when the pending error arrived (`"1"`, `"3.1"`), if one was.
    private var pendingErrorStepStorage: String?
    @exclusivity(unchecked) private var epoch = 0
    /// Every message before this index is consumed.
    @exclusivity(unchecked) private var firstUnconsumed = 0
    /// The type of the fragmented message in progress, per direction (for rendering continuation frames).
    @exclusivity(unchecked) private var outgoingFragments = FragmentTracker()
    /// Holds the frames of a fragmented text message back until its end, to mask secrets cut across frames.
    @exclusivity(unchecked) private var secretMasker = FragmentSecretMasker()
    @exclusivity(unchecked) private var incomingFragments = FragmentTracker()
    /// The same for the server's fragmented text messages (used only while the scenario has secrets).
    @exclusivity(unchecked) private var incomingSecretMasker = FragmentSecretMasker()

    init(name: String, transcript: TranscriptWriter, steps: StepTracker, clock: @escaping @Sendable () -> UInt64) {
        self.name = name
        self.transcript = transcript
        self.steps = steps
        self.clock = clock
    }

    // MARK: state reads

    var connection: (any ScenarioConnection)? { lock.withLock { connectionStorage } }
    var handshake: HandshakeResponse? { lock.withLock { handshakeStorage } }
    var serverClose: (code: Int?, reason: String)? { lock.withLock { serverCloseStorage } }
    var closed: (code: Int, reason: String, by: CloseSide)? { lock.withLock { closedStorage } }
    var pendingError: ConnectionFailure? { lock.withLock { errorStorage } }
    /// The step that was running when the pending error arrived from the transport, if one was.
    var pendingErrorStep: String? { lock.withLock { pendingErrorStepStorage } }
    /// Open: upgraded and not yet closed or failed.
    var isOpen: Bool { lock.withLock { connectionStorage != nil && closedStorage == nil && !errorSeen } }
    /// The connection when it can be used: upgraded, not closed, no pending error (one lock, for every send).
    var usableConnection: (any ScenarioConnection)? {
        lock.withLock { closedStorage == nil && errorStorage == nil ? connectionStorage : nil }
    }
    /// Whether the connection failed with an error (asserted or not).
    var failed: Bool { lock.withLock { errorSeen } }
    /// The first error the connection failed with, whether `expect_error` asserted it or not.
    var firstError: ConnectionFailure? { lock.withLock { firstErrorStorage } }
    /// Whether no more messages can arrive.
    var isTerminated: Bool { lock.withLock { closedStorage != nil || connectionStorage == nil || errorSeen } }
    /// Whether the client sent a close frame.
    var clientClosed: Bool { lock.withLock { clientCloseSent } }
    /// Whether any close frame went out on the connection (`send_frame` with opcode 8 included).
    var closeFrameSent: Bool { lock.withLock { closeFrameSentStorage } }

    /// How many data messages arrived so far.
    var messageCount: Int { lock.withLock { messages.count } }

    /// Messages not consumed yet, in arrival order.
    var unconsumed: [InboxMessage] {
        lock.withLock { messages[min(firstUnconsumed, messages.count)...].compactMap { $0 } }
    }

    /// The first message not consumed yet with an arrival index of at least `start`, if any. Scanning with it
    /// (`start` = the last index seen + 1) costs O(1) per message, however long the inbox grows.
    func nextUnconsumed(from start: Int) -> InboxMessage? {
        lock.withLock {
            var index = max(start, firstUnconsumed)
            while index < messages.count && messages[index] == nil { index += 1 }
            return index < messages.count ? messages[index] : nil
        }
    }

    // MARK: updates from the interpreter

    /// Starts a new connection attempt under this name, forgetting the previous connection's state; returns the
    /// attempt's epoch (events of older connections under the same name are ignored).
    @discardableResult
    func reset() -> Int {
        // Frames the previous attempt's maskers still hold are recorded (masked over what arrived), not dropped.
        flushHeldFrames(epoch: nil)
        let current: Int = lock.withLock {
            epoch += 1
            connectionStorage = nil
            handshakeStorage = nil
            messages = []
            firstUnconsumed = 0
            pongs = []
            serverCloseStorage = nil
            closedStorage = nil
            errorStorage = nil
            clientCloseSent = false
            closeFrameSentStorage = false
            errorSeen = false
            firstErrorStorage = nil
            pendingErrorStepStorage = nil
            outgoingFragments = FragmentTracker()
            incomingFragments = FragmentTracker()
            secretMasker = FragmentSecretMasker()
            incomingSecretMasker = FragmentSecretMasker()
            return epoch
        }
        signal.signal()
        return current
    }

    func opened(_ connection: any ScenarioConnection, handshake: HandshakeResponse) {
        lock.withLock {
            connectionStorage = connection
            handshakeStorage = handshake
        }
        signal.signal()
    }

    func failed(_ failure: ConnectionFailure) {
        lock.withLock {
            errorStorage = failure
            errorSeen = true
            if firstErrorStorage == nil { firstErrorStorage = failure }
            if let response = failure.response { handshakeStorage = response }
        }
        signal.signal()
    }

    func markClientCloseSent() { lock.withLock { clientCloseSent = true } }

    /// Clears the pending error once `expect_error` has matched it.
    func consumeError() { lock.withLock { errorStorage = nil } }

    func consume(_ index: Int) {
        lock.withLock {
            guard index < messages.count else { return }
            messages[index] = nil
            while firstUnconsumed < messages.count && messages[firstUnconsumed] == nil { firstUnconsumed += 1 }
        }
    }

    /// Takes the first unconsumed pong matching `payload` (any when nil).
    func takePong(matching payload: [UInt8]?) -> [UInt8]? {
        lock.withLock {
            guard let index = pongs.firstIndex(where: { payload == nil || $0 == payload }) else { return nil }
            return pongs.remove(at: index)
        }
    }

    var receivedPongs: [[UInt8]] { lock.withLock { pongs } }

    // MARK: transport events

    /// Records a transport event of the connection attempt `epoch` in the transcript and updates the state.
    func handle(_ timed: TimedConnectionEvent, epoch eventEpoch: Int) {
        // Late events of an older connection under this name are recorded but change nothing.
        func update(_ change: () -> Void) {
            lock.withLock { if epoch == eventEpoch { change() } }
        }
        let nanos = timed.nanos ?? clock()
        let step = steps.current
        var changesState = true
        switch timed.event {
        case .handshakeRequest(let method, let path, let headers):
            changesState = false
            transcript.record(
                .handshakeRequest, connection: name, step: step, at: nanos,
                [
                    ("method", .string(method)), ("path", .string(path)),
                    ("headers", transcript.currentRedactor.headersJSON(headers)),
                ])
        case .handshakeResponse(let response):
            var fields: [(String, OutputJSON)] = [
                ("status", .int(response.status)),
                ("headers", transcript.currentRedactor.headersJSON(response.headers)),
            ]
            if !response.reason.isEmpty { fields.insert(("reason", .string(response.reason)), at: 1) }
            if !response.body.isEmpty { fields += response.bodyFields }
            transcript.record(.handshakeResponse, connection: name, step: step, at: nanos, fields)
            update { handshakeStorage = response }
        case .frameOut(let frame):
            changesState = false
            recordFrame(.frameOut, frame, step: step, at: nanos, epoch: eventEpoch)
        case .bytesOut(let bytes):
            changesState = false
            transcript.record(
                .frameOut, connection: name, step: step, at: nanos,
                PayloadRecord.fields(bytes, preferText: false, after: ("raw", .bool(true))))
        case .frameIn(let frame):
            // A pong or close frame is followed by its own `.pong` / `.closeReceived` event.
            changesState = false
            recordFrame(.frameIn, frame, step: step, at: nanos, epoch: eventEpoch)
        case .message(let isText, let data):
            // The transcript shows at most `PayloadRecord.limit` bytes: copy only those (and one more, so that
            // the record still sees that the payload is longer), then give the real length.
            let shown = FrameRecord.keptPrefix(of: data)
            transcript.recordMessage(
                connection: name, step: step, at: nanos, isText: isText, shown: shown, length: data.readableBytes)
            update {
                messages.append(InboxMessage(index: messages.count, isText: isText, data: data, nanos: nanos))
            }
        case .pong(let payload):
            update { pongs.append(payload) }
        case .closeReceived(let code, let reason):
            update { serverCloseStorage = (code, reason) }
        case .closed(let code, let reason, let by):
            flushHeldFrames(epoch: eventEpoch)
            var first = lock.withLock { epoch != eventEpoch }
            update {
                if closedStorage == nil {
                    closedStorage = (code, reason, by)
                    first = true
                }
            }
            if first {
                transcript.record(
                    .close, connection: name, step: step, at: nanos,
                    [
                        ("code", .int(code)), ("reason", .string(reason)), ("by", .string(by.rawValue)),
                    ])
            }
        case .error(let failure):
            flushHeldFrames(epoch: eventEpoch)
            transcript.record(
                .error, connection: name, step: step, at: nanos,
                [
                    ("kind", .string(failure.kind.rawValue)), ("message", .string(failure.message)),
                ])
            update {
                if errorStorage == nil {
                    errorStorage = failure
                    pendingErrorStepStorage = step
                }
                if firstErrorStorage == nil { firstErrorStorage = failure }
                errorSeen = true
            }
        }
        // Only what a step can wait for wakes the waiting step (not every frame record).
        if changesState { signal.signal() }
    }

    /// Records a frame of either direction (`.frameOut` or `.frameIn`). While the scenario has secrets, the frames
    /// of a fragmented text message are held back until its last one, to mask a secret cut across frames; every
    /// other frame is recorded at once. A whole close frame going out starts the closing handshake.
    private func recordFrame(
        _ kind: TranscriptEventKind, _ frame: FrameRecord, step: String?, at nanos: UInt64, epoch eventEpoch: Int
    ) {
        let outgoing = kind == .frameOut
        let fragmented = !frame.fin || frame.opcode == 0
        let redactor = fragmented ? transcript.currentRedactor : Redactor.none
        let (preferText, ready) = lock.withLock { () -> (Bool, [FragmentSecretMasker.Pending]?) in
            let preferText =
                outgoing ? outgoingFragments.prefersText(frame) : incomingFragments.prefersText(frame)
            // Not a fragment, nor one with a lying length: those do not start the closing handshake.
            if outgoing, frame.opcode == 0x8, frame.fin, frame.length == frame.payloadLength, epoch == eventEpoch {
                closeFrameSentStorage = true
            }
            let holding = outgoing ? secretMasker.isHolding : incomingSecretMasker.isHolding
            guard epoch == eventEpoch, (fragmented && !redactor.isEmpty) || holding else { return (preferText, nil) }
            let entry = FragmentSecretMasker.Pending(frame: frame, nanos: nanos, step: step, preferText: preferText)
            let ready =
                outgoing
                ? secretMasker.feed(entry, redactor: redactor) : incomingSecretMasker.feed(entry, redactor: redactor)
            return (preferText, ready)
        }
        guard let ready else {
            transcript.recordFrame(kind, connection: name, step: step, at: nanos, frame: frame, preferText: preferText)
            return
        }
        recordHeld(kind, ready)
    }

    /// Records frames the secret masker held back, with the step and time of their arrival.
    private func recordHeld(_ kind: TranscriptEventKind, _ entries: [FragmentSecretMasker.Pending]) {
        for entry in entries {
            transcript.recordFrame(
                kind, connection: name, step: entry.step, at: entry.nanos, frame: entry.frame,
                preferText: entry.preferText)
        }
    }

    /// Records the frames of a fragmented message that will not be finished (the connection failed or closed),
    /// before the event that ends it.
    /// Only the current attempt's end flushes (`epoch`, or nil for any): a late event of an older connection under
    /// the same name must not cut the current connection's held message in two.
    private func flushHeldFrames(epoch eventEpoch: Int?) {
        let redactor = transcript.currentRedactor
        typealias Held = [FragmentSecretMasker.Pending]
        let (outgoing, incoming) = lock.withLock { () -> (Held, Held) in
            if let eventEpoch, eventEpoch != epoch { return ([], []) }
            return (secretMasker.flush(redactor: redactor), incomingSecretMasker.flush(redactor: redactor))
        }
        recordHeld(.frameOut, outgoing)
        recordHeld(.frameIn, incoming)
    }
}
