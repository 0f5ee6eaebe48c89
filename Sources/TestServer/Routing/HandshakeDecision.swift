import NIOHTTP1

/// What the server does with an opening handshake, decided from the request alone (pure).
enum HandshakeDecision: Equatable {
    /// Upgrade with these extra response headers, after `delayMilliseconds`.
    case upgrade(headers: HTTPHeaders, delayMilliseconds: Int)
    /// Write a 101 response by hand (the handshake misbehaviours).
    case rawUpgrade(MisbehaviourKind)
    /// Refuse with a plain HTTP response.
    case respond(HTTPResponse)

    /// The bearer token `/auth` requires when the server was started without one.
    static let defaultAuthToken = "secret-token"

    /// The subprotocols `/chat/{room}` supports, in the server's order.
    static let chatSubprotocols = ["chat.v2", "chat.v1"]

    /// Decides what to do with a request for `route` carrying `headers`, for a server with `token`.
    static func decide(route: ServerRoute, headers: HTTPHeaders, token: String?) -> HandshakeDecision {
        switch route {
        case .unknown:
            return .respond(.text(.notFound, "no such path; the built-in server knows:\n\(ServerRoute.pathSummary)\n"))
        case .invalid(let reason):
            return .respond(.text(.badRequest, "\(reason)\n"))
        case .reject(let status):
            var response = HTTPResponse.text(HTTPResponseStatus(statusCode: status), "rejected with \(status)")
            response.headers.add(name: "X-Reject-Reason", value: "requested")
            if status == 401 { response.headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"wscenario\"") }
            return .respond(response)
        case .login:
            return .respond(LoginEndpoint.upgradeRefusal)
        case .auth:
            if let refusal = unauthorized(headers, expected: token ?? defaultAuthToken) { return .respond(refusal) }
            return .upgrade(headers: [:], delayMilliseconds: 0)
        case .chat:
            if let token, let refusal = unauthorized(headers, expected: token) { return .respond(refusal) }
            let policy = SubprotocolPolicy(supported: chatSubprotocols)
            return .upgrade(headers: protocolHeaders(policy.choose(offered: offered(headers))), delayMilliseconds: 0)
        case .subprotocols(let policy):
            return .upgrade(headers: protocolHeaders(policy.choose(offered: offered(headers))), delayMilliseconds: 0)
        case .slow(let delay):
            return .upgrade(headers: [:], delayMilliseconds: delay)
        case .misbehave(let kind) where kind.rewritesHandshake:
            return .rawUpgrade(kind)
        case .echo, .stream, .close, .silent, .fragmented, .ping, .heartbeat, .misbehave:
            return .upgrade(headers: [:], delayMilliseconds: 0)
        }
    }

    /// The client's `Sec-WebSocket-Protocol` offer, in its order (several headers and comma lists allowed).
    static func offered(_ headers: HTTPHeaders) -> [String] {
        headers[canonicalForm: "Sec-WebSocket-Protocol"].map(String.init).filter { !$0.isEmpty }
    }

    private static func protocolHeaders(_ chosen: String?) -> HTTPHeaders {
        guard let chosen else { return [:] }
        return ["Sec-WebSocket-Protocol": chosen]
    }

    /// A 401 response unless `headers` carry `Authorization: Bearer <expected>` (the scheme in any case, RFC 9110
    /// §11.1).
    private static func unauthorized(_ headers: HTTPHeaders, expected: String) -> HTTPResponse? {
        let presented = headers["Authorization"].first
        let parts = presented?.split(separator: " ", maxSplits: 1).map(String.init) ?? []
        let isBearer = parts.first?.lowercased() == "bearer"
        if isBearer, parts.count == 2, parts[1].trimmingCharacters(in: .whitespaces) == expected { return nil }
        let reason =
            presented == nil
            ? "missing bearer token"
            : isBearer ? "wrong bearer token" : "not a bearer token (Authorization: Bearer TOKEN)"
        var response = HTTPResponse.text(.unauthorized, reason + "\n")
        response.headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"wscenario\"")
        return response
    }
}
