import Logging
import NIOCore
import NIOSSL

/// What every connection of one server shares: its configuration, chat rooms and open connections.
struct ServerContext: Sendable {
    var configuration: BuiltInServerConfiguration
    var sslContext: NIOSSLContext?
    var chatRooms = ChatRoomRegistry()
    var connections = ConnectionRegistry()

    var logger: Logger { configuration.logger }

    /// The largest frame the server accepts (64 MiB: Autobahn's 9.* cases send 16 MiB).
    static let maxFrameSize = 64 << 20

    /// The session handler for an upgraded connection to `route`.
    func makeSession(for route: ServerRoute) -> ServerSession {
        ServerSession(behaviour: makeBehaviour(for: route), maxMessageSize: Self.maxFrameSize)
    }

    private func makeBehaviour(for route: ServerRoute) -> SessionBehaviour {
        switch route {
        case .chat(let room): return ChatBehaviour(room: room, registry: chatRooms)
        case .stream(let count, let interval): return StreamBehaviour(count: count, intervalMilliseconds: interval)
        case .close(let code, let reason): return CloseBehaviour(code: code, reason: reason)
        case .silent: return SilentBehaviour()
        case .fragmented: return FragmentedBehaviour()
        case .ping: return PingBehaviour()
        case .heartbeat(let interval): return HeartbeatBehaviour(intervalMilliseconds: interval)
        case .misbehave(let kind): return MisbehaveBehaviour(kind: kind)
        case .echo, .auth, .subprotocols, .slow, .reject, .invalid, .unknown: return EchoBehaviour()
        }
    }
}
