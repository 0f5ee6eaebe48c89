/// One of the built-in server's endpoints, parsed from a request target such as `/stream?count=3`.
public enum ServerRoute: Equatable, Sendable {
    case echo
    case chat(room: String)
    case stream(count: Int, intervalMilliseconds: Int)
    case reject(status: Int)
    case close(code: Int, reason: String)
    case auth
    /// `POST /login`: plain HTTP, answers the bearer token of `/auth`.
    case login
    case subprotocols(SubprotocolPolicy)
    case slow(delayMilliseconds: Int)
    case silent
    case fragmented
    case ping
    case heartbeat(intervalMilliseconds: Int)
    case misbehave(MisbehaviourKind)
    /// A known path with an unusable parameter; the server answers 400 with this reason.
    case invalid(reason: String)
    /// No such path; the server answers 404 with the list of paths.
    case unknown

    /// Parses a request target (path and optional query).
    public static func parse(_ target: String) -> ServerRoute {
        let request = RequestTarget(target)
        let segments = request.segments
        guard let first = segments.first else { return .unknown }
        switch (first, segments.count) {
        case ("echo", 1): return .echo
        case ("chat", 2): return .chat(room: segments[1])
        case ("stream", 1): return parseStream(request)
        case ("reject", 2): return parseReject(segments[1])
        case ("close", 2): return parseClose(segments[1], request)
        case ("auth", 1): return .auth
        case ("login", 1): return .login
        case ("subprotocols", 1): return .subprotocols(SubprotocolPolicy(query: request))
        case ("slow", 1):
            return request.milliseconds("delay", default: 1000, range: 0...60_000).map { .slow(delayMilliseconds: $0) }
                ?? .invalid(reason: "delay must be a duration (250, 250ms or 1.5s) between 0 and 60 s")
        case ("silent", 1): return .silent
        case ("fragmented", 1): return .fragmented
        case ("ping", 1): return .ping
        case ("heartbeat", 1):
            return request.milliseconds("interval", default: 500, range: 10...60_000)
                .map { .heartbeat(intervalMilliseconds: $0) }
                ?? .invalid(reason: "interval must be a duration (250, 250ms or 1.5s) between 10 ms and 60 s")
        case ("misbehave", 2):
            return MisbehaviourKind(rawValue: segments[1]).map { .misbehave($0) } ?? .unknown
        default: return .unknown
        }
    }

    private static func parseStream(_ request: RequestTarget) -> ServerRoute {
        guard let count = request.integer("count", default: 10, range: 0...100_000) else {
            return .invalid(reason: "count must be a number between 0 and 100000")
        }
        guard let interval = request.milliseconds("interval", default: 0, range: 0...60_000) else {
            return .invalid(reason: "interval must be a duration (250, 250ms or 1.5s) between 0 and 60 s")
        }
        return .stream(count: count, intervalMilliseconds: interval)
    }

    private static func parseReject(_ text: String) -> ServerRoute {
        guard let status = Int(text), (200...599).contains(status) else {
            return .invalid(reason: "status must be an HTTP status between 200 and 599")
        }
        return .reject(status: status)
    }

    private static func parseClose(_ text: String, _ request: RequestTarget) -> ServerRoute {
        guard let code = Int(text), (1000...4999).contains(code) else {
            return .invalid(reason: "code must be a close code between 1000 and 4999")
        }
        let reason = request.query["reason"] ?? "closing with \(code)"
        guard reason.utf8.count <= 123 else { return .invalid(reason: "reason must be at most 123 bytes") }
        return .close(code: code, reason: reason)
    }

    /// A short name for logs.
    var name: String {
        switch self {
        case .echo: return "echo"
        case .chat: return "chat"
        case .stream: return "stream"
        case .reject: return "reject"
        case .close: return "close"
        case .auth: return "auth"
        case .login: return "login"
        case .subprotocols: return "subprotocols"
        case .slow: return "slow"
        case .silent: return "silent"
        case .fragmented: return "fragmented"
        case .ping: return "ping"
        case .heartbeat: return "heartbeat"
        case .misbehave(let kind): return "misbehave/\(kind.rawValue)"
        case .invalid: return "invalid"
        case .unknown: return "unknown"
        }
    }

    /// The paths listed in the 404 body and in `wscenario serve --help` (lines under 80 columns).
    public static let pathSummary = """
        /echo
            echoes text and binary messages (fragmented ones as one message),
            answers pings, echoes the close
        /chat/{room}
            JSON chat room: send {"type":"join","user":U}, {"type":"say","text":T},
            {"type":"leave"}; everyone in the room gets joined/said/left;
            on connect {"type":"welcome","room":R,"members":[...]};
            subprotocols chat.v2, chat.v1 (client's order wins)
        /stream?count=N&interval=MS
            sends {"seq":1} ... {"seq":N}, then closes with 1000 (defaults 10, 0)
        /reject/{status}
            refuses the upgrade with that status, X-Reject-Reason: requested,
            body "rejected with STATUS"
        /close/{code}?reason=R
            upgrades, then closes at once with CODE and "closing with CODE"
        /auth
            401 with WWW-Authenticate: Bearer realm="wscenario" unless
            Authorization: Bearer <token>; then echoes
        /login  (plain HTTP)
            POST {"user": NAME} answers {"token": TOKEN, "user": NAME} with the
            bearer token /auth accepts
        /subprotocols?supported=a,b[&prefer=server] | ?select=X
            answers the first offered protocol in the list (client's order;
            server's with prefer=server), or always X; then echoes
        /slow?delay=MS
            delays the 101 response (default 1000), then echoes
        /silent
            upgrades, then never sends anything (no pongs); answers the close
        /fragmented
            sends "hello fragmented world" in 3 frames and 01..06 in 2, then echoes
        /ping
            pings with "hello?"; then sends "pong received", or "no pong" when
            no matching pong came within 1 s; then echoes
        /heartbeat?interval=MS
            sends {"type":"heartbeat"} every MS (default 500), echoes the rest
        /misbehave/{kind}
            breaks RFC 6455 on purpose (negative tests for clients); kind:
            masked, bad-utf8, rsv1, bad-accept, drop, big-control,
            frame-with-101, reserved-opcode, bad-close-code
        """
}
