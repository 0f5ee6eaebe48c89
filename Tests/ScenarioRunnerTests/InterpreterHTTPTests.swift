import Foundation
import ScenarioLanguage
import Testing
import WebSocketCore

@testable import ScenarioRunner

/// `http` steps against a scripted HTTP server (no sockets): the request built, the status check, captures,
/// failures explained, secrets masked in the transcript.
@Suite("Interpreter: http steps")
struct InterpreterHTTPTests {
    /// A scripted login service: `POST /login` with `{"user": ...}` answers a token, `/text` plain text,
    /// `/down` a refused connection, anything else 404.
    static func service(_ call: HTTPCall) -> Result<HandshakeResponse, ConnectionFailure> {
        let body = String(decoding: call.request.body, as: UTF8.self)
        if call.url.hasSuffix("/down") {
            return .failure(ConnectionFailure(kind: .refused, message: "connection to 127.0.0.1:1 refused"))
        }
        if call.url.hasSuffix("/login"), call.request.method == "POST", body.contains("\"user\"") {
            return .success(
                HandshakeResponse(
                    status: 200, reason: "OK", headers: [("Content-Type", "application/json")],
                    body: Array(#"{"token":"tok-12345","user":{"id":7}}"#.utf8)))
        }
        if call.url.hasSuffix("/text") {
            return .success(HandshakeResponse(status: 200, reason: "OK", body: Array("plain words".utf8)))
        }
        return .success(HandshakeResponse(status: 404, reason: "Not Found", body: Array("no such path".utf8)))
    }

    func harness() throws -> Harness {
        try Harness(connector: ScriptedConnector(http: InterpreterHTTPTests.service))
    }

    @Test func aLoginCapturesTheTokenForTheConnect() async throws {
        let harness = try harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: login
            vars: { api: "http://127.0.0.1:8080", who: alice }
            secrets: [token]
            steps:
              - http:
                  method: post
                  url: ${api}/login
                  headers: { X-Trace: "t-${who}" }
                  json: { user: "${who}", age: 3 }
                  expect: { status: 200 }
                  capture: { token: $.token, id: $.user.id }
              - connect: { url: "ws://127.0.0.1:8080/auth", headers: { Authorization: "Bearer ${token}" } }
              - send: "user ${id}"
              - expect_message: "user 7"
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
        let call = try #require(harness.connector.calls.first)
        #expect(call.url == "http://127.0.0.1:8080/login")
        #expect(call.request.method == "POST")
        #expect(call.request.target == "/login")
        #expect(String(decoding: call.request.body, as: UTF8.self) == #"{"user":"alice","age":3}"#)
        #expect(
            call.request.headers.fields.map { "\($0.name): \($0.value)" } == [
                "Host: 127.0.0.1:8080", "X-Trace: t-alice", "Content-Type: application/json",
                "Content-Length: 24", "User-Agent: wscenario", "Accept: */*", "Connection: close",
            ])
        #expect(harness.connector.requests.first?.headers.first?.1 == "Bearer tok-12345")
        let events = try harness.events(result)
        let names = events.compactMap { $0["event"] as? String }
        #expect(
            names.prefix(6) == ["scenario_start", "step_start", "http_request", "http_response", "capture", "capture"])
        let response = try #require(events.first { $0["event"] as? String == "http_response" })
        #expect(response["status"] as? Int == 200)
        #expect(response["body"] as? String == #"{"token":"***","user":{"id":7}}"#)
        #expect(response["duration"] is Double)
        let text = try String(contentsOfFile: result.transcriptPath!, encoding: .utf8)
        #expect(!text.contains("tok-12345"))
    }

    @Test func aWrongStatusFailsWithTheAnswer() async throws {
        let harness = try harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: wrong status
            steps:
              - http: { url: "http://127.0.0.1:8080/missing", expect: { status: 200 } }
              - connect: ws://127.0.0.1:8080/echo
            """)
        #expect(result.status == .failed)
        #expect(result.failure?.step == "0")
        let message = try #require(result.failure?.message)
        #expect(message.contains("expected status 200 from GET http://127.0.0.1:8080/missing, got 404 Not Found"))
        #expect(message.contains(#"body: "no such path""#), "\(message)")
        #expect(harness.connector.requests.isEmpty)
    }

    @Test func withoutExpectAnyStatusPasses() async throws {
        let harness = try harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: no expectation
            steps:
              - http: http://127.0.0.1:8080/missing
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
        #expect(harness.connector.calls.first?.request.method == "GET")
        #expect(harness.connector.calls.first?.request.body.isEmpty == true)
    }

    @Test func captureFailuresNameTheQueryAndTheBody() async throws {
        let harness = try harness()
        defer { harness.cleanUp() }
        let missing = try await harness.runOne(
            """
            name: selects nothing
            steps:
              - http: { method: POST, url: "http://h/login", json: { user: a }, capture: { t: $.nope } }
            """)
        #expect(
            missing.failure?.message
                == #"capture t: $.nope selects nothing in the body "{\"token\":\"tok-12345\",\"user\":{\"id\":7}}""#)
        let notJSON = try await harness.runOne(
            """
            name: not json
            steps:
              - http: { url: "http://h/text", capture: { t: $.token } }
            """)
        #expect(
            notJSON.failure?.message
                == #"capture: the response to GET http://h/text is not JSON: the body "plain words""#)
    }

    @Test func aRefusedConnectionIsExplainedAndRecorded() async throws {
        let harness = try harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: down
            steps:
              - http: { method: DELETE, url: "http://127.0.0.1:1/down", body: "bye" }
            """)
        #expect(
            result.failure?.message
                == "DELETE http://127.0.0.1:1/down: connection refused by 127.0.0.1:1 "
                + "(is a server listening there? check the URL)")
        let call = try #require(harness.connector.calls.first)
        #expect(call.request.headers.first("Content-Type") == "text/plain; charset=utf-8")
        let events = try harness.events(result)
        let error = try #require(events.first { $0["event"] as? String == "error" })
        #expect(error["kind"] as? String == "refused")
        #expect(error["step"] as? Int == 0)
        #expect(error["conn"] == nil)
    }

    @Test func aURLFromAVariableThatIsNotHTTPIsExplained() async throws {
        let harness = try harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: bad url
            vars: { api: "ws://127.0.0.1:8080" }
            steps:
              - http: ${api}/login
            """)
        #expect(
            result.failure?.message
                == "invalid URL 'ws://127.0.0.1:8080/login' (from ${api}): "
                + "it must be http[s]://HOST[:PORT][/PATH], PORT between 1 and 65535")
        #expect(harness.connector.calls.isEmpty)
    }

    @Test func theWithinOfTheStepIsTheCallsTimeout() async throws {
        let harness = try harness()
        defer { harness.cleanUp() }
        _ = try await harness.runOne(
            """
            name: within
            timeout: 3s
            steps:
              - http: { url: "http://h/text" }
              - http: { url: "http://h/text", within: 250ms }
            """)
        #expect(harness.connector.calls.map(\.timeout) == [3, 0.25])
    }
}

/// `http` steps that would break the request, and secrets captured from a response.
@Suite("Interpreter: http steps, safety")
struct InterpreterHTTPSafetyTests {
    @Test func lineBreaksAndSpacesCannotSplitTheRequest() async throws {
        let harness = try Harness(connector: ScriptedConnector(http: InterpreterHTTPTests.service))
        defer { harness.cleanUp() }
        let header = try await harness.runOne(
            """
            name: header injection
            vars: { evil: "x\\r\\nX-Injected: 1" }
            steps:
              - http: { url: "http://h/text", headers: { X-A: "${evil}" } }
            """)
        #expect(header.failure?.message == "header X-A: a header name or value cannot contain a line break or NUL")
        let target = try await harness.runOne(
            """
            name: space in query
            vars: { q: "a b" }
            steps:
              - http: "http://h/search?q=${q}"
            """)
        #expect(target.failure?.message.contains("contains a space or a line break (percent-encode it") == true)
        #expect(harness.connector.calls.isEmpty)
    }

    @Test func aSecretCaptureIsMaskedInTheResponseThatCarriesIt() async throws {
        let harness = try Harness(connector: ScriptedConnector(http: InterpreterHTTPTests.service))
        defer { harness.cleanUp() }
        var options = harness.options()
        let lines = LineCollector()
        options.verbose = true
        options.console = ConsoleReporter(style: ConsoleStyle(colors: false, githubAnnotations: false)) {
            lines.add($0)
        }
        let summary = try await harness.run(
            """
            name: verbose login
            secrets: [token]
            steps:
              - http: { method: POST, url: "http://h/login", json: { user: a }, capture: { token: $.token } }
            """, options: options)
        #expect(summary.results.first?.status == .passed)
        let shown = lines.text
        #expect(shown.contains("http_response"), "\(shown)")
        #expect(!shown.contains("tok-12345"), "\(shown)")
    }
}
