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

    /// Closes every open connection and waits for them to end.
    func closeAll() async {
        let open = channels.withLock { Array($0.values) }
        for channel in open {
            try? await channel.close()
        }
    }
}
