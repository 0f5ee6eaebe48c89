import EngineTestSupport
import NIOCore
import TestServer
import Testing
import WebSocketCore
import WebSocketEngine

/// `POST /login`: the plain HTTP endpoint that hands out the bearer token of `/auth`.
@Suite struct LoginEndpointTests {
    func call(_ method: String, _ port: Int, body: String = "", path: String = "/login") async throws
        -> HTTPResponseHead
    {
        let url = try #require(HTTPURL("http://127.0.0.1:\(port)\(path)"))
        let request = HTTPRequest.make(
            method: method, host: url.hostHeader, target: url.target, body: Array(body.utf8),
            contentType: "application/json")
        return try await PlainHTTPClient().send(request, to: url, timeout: .seconds(5)).get()
    }

    @Test func aUserGetsTheTokenThatAuthAccepts() async throws {
        try await withServer(BuiltInServerConfiguration(token: "t-42")) { server in
            let response = try await call("POST", server.port, body: #"{"user":"alice"}"#)
            #expect(response.status == 200)
            #expect(response.headers.first("Content-Type") == "application/json")
            #expect(response.bodyText == #"{"token":"t-42","user":"alice"}"#)
            let (result, _) = await connect(server.url + "/auth") {
                $0.headers = [(name: "Authorization", value: "Bearer t-42")]
            }
            #expect(result.connection != nil, "\(String(describing: result.error))")
            _ = await result.connection?.close()
        }
    }

    @Test func withoutATokenOptionTheDefaultTokenIsHandedOut() async throws {
        try await withServer { server in
            let response = try await call("POST", server.port, body: #"{"user":"bob","extra":[1]}"#)
            #expect(response.bodyText == #"{"token":"secret-token","user":"bob"}"#)
            #expect(server.httpURL == "http://127.0.0.1:\(server.port)")
        }
    }

    @Test func wrongRequestsAreRefusedWithAReason() async throws {
        try await withServer { server in
            let get = try await call("GET", server.port)
            #expect(get.status == 405)
            #expect(get.headers.first("Allow") == "POST")
            let noUser = try await call("POST", server.port, body: #"{"name":"x"}"#)
            #expect(noUser.status == 400)
            #expect(noUser.bodyText == "the JSON body needs \"user\": a non-empty string\n")
            let notJSON = try await call("POST", server.port, body: "user=x")
            #expect(notJSON.status == 400)
            #expect(notJSON.bodyText == "the body must be a JSON object {\"user\": NAME}\n")
            let tooLarge = try await call("POST", server.port, body: String(repeating: "x", count: 70_000))
            #expect(tooLarge.status == 413)
            let (upgrade, _) = await connect(server.url + "/login")
            #expect(upgrade.response?.status == 400)
            #expect(upgrade.response?.bodyText.hasPrefix("/login is plain HTTP") == true)
        }
    }
}
