import NIOCore

/// Every `/chat/{room}` connection of one server, by room; shared by all event loops.
final class ChatRoomRegistry: Sendable {
    private struct Member {
        var id: Int
        var session: NIOLoopBound<ServerSession>
        var user: String?
    }

    private let state = Locked<(nextID: Int, rooms: [String: [Member]])>((0, [:]))

    /// Adds a connection to `room` and returns its member id.
    func enter(room: String, session: ServerSession, eventLoop: EventLoop) -> Int {
        state.withLock { state in
            state.nextID += 1
            let member = Member(id: state.nextID, session: NIOLoopBound(session, eventLoop: eventLoop), user: nil)
            state.rooms[room, default: []].append(member)
            return state.nextID
        }
    }

    /// Removes a connection from `room`.
    func exit(room: String, id: Int) {
        state.withLock { state in
            state.rooms[room]?.removeAll { $0.id == id }
            if state.rooms[room]?.isEmpty == true { state.rooms[room] = nil }
        }
    }

    /// Records (or clears) the user name a connection joined as.
    func setUser(_ user: String?, room: String, id: Int) {
        state.withLock { state in
            guard let index = state.rooms[room]?.firstIndex(where: { $0.id == id }) else { return }
            state.rooms[room]![index].user = user
        }
    }

    /// The users who joined `room`, in joining order of their connections.
    func users(in room: String) -> [String] {
        state.withLock { state in state.rooms[room, default: []].compactMap(\.user) }
    }

    /// Sends `text` to every connection in `room`, each on its own event loop.
    func broadcast(_ text: String, room: String) {
        state.withLock { state in
            for member in state.rooms[room, default: []] {
                let session = member.session
                session.eventLoop.execute { session.value.send(text: text) }
            }
        }
    }
}
