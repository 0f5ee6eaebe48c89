import Foundation
import NIOHTTP1

/// `POST /login` (plain HTTP, for scenarios' `http` steps): `{"user": NAME}` in, `{"token": TOKEN, "user": NAME}`
/// out, where TOKEN is the bearer token `/auth` (and, with `--token`, `/chat/{room}`) accepts.
enum LoginEndpoint {
    /// The largest request body read (longer ones get 413).
    static let maxBodySize = 64 * 1024

    /// The answer to a plain HTTP request for `/login` with `method` and `body` on a server whose token is `token`.
    static func answer(method: HTTPMethod, body: [UInt8], bodyTooLarge: Bool, token: String) -> HTTPResponse {
        guard method == .POST else {
            var response = HTTPResponse.text(
                .methodNotAllowed, "/login takes POST with a JSON body {\"user\": NAME}\n")
            response.headers.add(name: "Allow", value: "POST")
            return response
        }
        if bodyTooLarge { return .text(.payloadTooLarge, "the body is larger than \(maxBodySize) bytes\n") }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            return .text(.badRequest, "the body must be a JSON object {\"user\": NAME}\n")
        }
        guard let user = object["user"] as? String, !user.isEmpty else {
            return .text(.badRequest, "the JSON body needs \"user\": a non-empty string\n")
        }
        return .json(.ok, JSONText.object(["token": .string(token), "user": .string(user)]))
    }

    /// The answer to a WebSocket upgrade request for `/login`.
    static let upgradeRefusal = HTTPResponse.text(
        .badRequest, "/login is plain HTTP: POST {\"user\": NAME} to get the bearer token for /auth\n")
}
