import Foundation
import NIOCore

/// `/chat/{room}`: a JSON chat room. Clients send `join`, `say` and `leave`; every connection in the
/// room receives `joined`, `said` and `left`. See docs/server.md for the protocol.
final class ChatBehaviour: SessionBehaviour {
    private let room: String
    private let registry: ChatRoomRegistry
    private var memberID: Int?
    private var user: String?

    init(room: String, registry: ChatRoomRegistry) {
        self.room = room
        self.registry = registry
    }

    func start(_ session: ServerSession) {
        guard let channel = session.channel else { return }
        memberID = registry.enter(room: room, session: session, eventLoop: channel.eventLoop)
        let members = registry.users(in: room)
        let welcome = JSONText.object(["type": .string("welcome"), "room": .string(room), "members": .strings(members)])
        session.send(text: welcome)
    }

    func received(_ message: InboundMessage, session: ServerSession) {
        guard message.kind == .text,
            let object = try? JSONSerialization.jsonObject(with: Data(message.text.utf8)) as? [String: Any],
            let type = object["type"] as? String
        else {
            return reply(error: "expected a JSON object with a \"type\"", session)
        }
        switch type {
        case "join": join(object["user"], session)
        case "say": say(object["text"], session)
        case "leave": leave(session)
        default: reply(error: "unknown type \"\(type)\"; expected join, say or leave", session)
        }
    }

    func ended(_ session: ServerSession) {
        guard let memberID else { return }
        registry.exit(room: room, id: memberID)
        if let user { broadcast("left", who: user) }
        self.memberID = nil
    }

    private func join(_ value: Any?, _ session: ServerSession) {
        guard let name = value as? String, !name.isEmpty else { return reply(error: "join needs a \"user\"", session) }
        guard user == nil else { return reply(error: "already joined as \"\(user!)\"", session) }
        guard let memberID else { return }
        user = name
        registry.setUser(name, room: room, id: memberID)
        broadcast("joined", who: name)
    }

    private func say(_ value: Any?, _ session: ServerSession) {
        guard let text = value as? String else { return reply(error: "say needs a \"text\"", session) }
        guard let user else { return reply(error: "join before you say anything", session) }
        let message = JSONText.object(
            ["type": .string("said"), "from": .string(user), "text": .string(text), "room": .string(room)]
        )
        registry.broadcast(message, room: room)
    }

    private func leave(_ session: ServerSession) {
        guard let name = user, let memberID else { return reply(error: "leave without join", session) }
        broadcast("left", who: name)
        registry.setUser(nil, room: room, id: memberID)
        user = nil
    }

    /// Sends `{"type":TYPE,"who":WHO,"room":ROOM}` to every connection in the room.
    private func broadcast(_ type: String, who: String) {
        let message = JSONText.object(["type": .string(type), "who": .string(who), "room": .string(room)])
        registry.broadcast(message, room: room)
    }

    private func reply(error: String, _ session: ServerSession) {
        session.send(text: JSONText.object(["type": .string("error"), "message": .string(error)]))
    }
}
