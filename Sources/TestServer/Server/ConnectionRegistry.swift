import NIOCore

/// The open connections of one server, so that shutting down can close them.
final class ConnectionRegistry: Sendable {
    private let channels = Locked<[ObjectIdentifier: Channel]>([:])

    /// Tracks `channel` until it closes.
    func add(_ channel: Channel) {
        let key = ObjectIdentifier(channel)
        channels.withLock { $0[key] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.channels.withLock { _ = $0.removeValue(forKey: key) }
        }
    }

    /// Closes every open connection and waits for them to end: each WebSocket connection gets a close frame
    /// 1001 "server shutting down" and up to `grace` (in total) to answer it; then every TCP connection still open
    /// is closed.
    func closeAll(grace: TimeAmount = .seconds(1)) async {
        let open = channels.withLock { Array($0.values) }
        for channel in open {
            channel.eventLoop.execute {
                if let session = try? channel.pipeline.syncOperations.handler(type: ServerSession.self) {
                    session.startClose(code: CloseCodes.goingAway, reason: "server shutting down")
                } else {
                    channel.close(promise: nil)
                }
            }
        }
        let deadline = NIODeadline.now() + grace
        while NIODeadline.now() < deadline, open.contains(where: { $0.isActive }) {
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        for channel in open {
            try? await channel.close()
        }
    }
}
