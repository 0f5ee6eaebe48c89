import NIOCore

/// `/stream?count=N&interval=MS`: sends `{"seq":1}` ... `{"seq":N}`, then closes with 1000.
final class StreamBehaviour: SessionBehaviour {
    private let count: Int
    private let interval: TimeAmount
    private var sent = 0

    init(count: Int, intervalMilliseconds: Int) {
        self.count = count
        self.interval = .milliseconds(Int64(intervalMilliseconds))
    }

    func start(_ session: ServerSession) {
        next(session)
    }

    private func next(_ session: ServerSession) {
        while !session.isClosing {
            guard sent < count else {
                session.startClose(code: CloseCodes.normal, reason: "stream complete")
                return
            }
            sent += 1
            session.send(text: "{\"seq\":\(sent)}")
            if interval != .zero {
                session.schedule(after: interval) { [self] in next(session) }
                return
            }
        }
    }
}
