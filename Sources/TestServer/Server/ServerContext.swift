import Logging
import NIOCore
import NIOSSL
import PerMessageDeflate

/// What every connection of one server shares: its configuration, chat rooms and open connections.
struct ServerContext: Sendable {
    var configuration: BuiltInServerConfiguration
    var sslContext: NIOSSLContext?
    var chatRooms = ChatRoomRegistry()
    var connections = ConnectionRegistry()

    var logger: Logger { configuration.logger }

    /// The largest message the server accepts (64 MiB: Autobahn's 9.* cases send 16 MiB).
    static let maxMessageSize = 64 << 20

    /// The largest frame on the wire: a message of `maxMessageSize` that does not compress grows a little when
    /// deflated (about 5 bytes per 16 KiB block), so compressed frames may be that much longer.
    static let maxFrameSize = maxMessageSize + maxMessageSize / 1000 + 1024

    /// The session handler for an upgraded connection to `route`, compressing as negotiated by `deflate`.
    func makeSession(for route: ServerRoute, deflate: PerMessageDeflateParameters? = nil) -> ServerSession {
        ServerSession(behaviour: makeBehaviour(for: route), maxMessageSize: Self.maxMessageSize, deflate: deflate)
    }

    /// The permessage-deflate answer to a request's `Sec-WebSocket-Extensions` offers (nil: no compression). The
    /// `/misbehave/*` endpoints never negotiate it: their frames must reach the client exactly as scripted.
    func negotiateDeflate(_ offers: [String], route: ServerRoute) -> PerMessageDeflateParameters? {
        guard configuration.permessageDeflate else { return nil }
        if case .misbehave = route { return nil }
        return PerMessageDeflateNegotiation.serverAccept(requestValues: offers)
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
        case .echo, .auth, .login, .subprotocols, .slow, .reject, .invalid, .unknown: return EchoBehaviour()
        }
    }
}
