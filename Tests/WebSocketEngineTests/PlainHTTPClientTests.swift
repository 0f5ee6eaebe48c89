import Foundation
import NIOCore
import TestSupport
import Testing
import WebSocketCore
import WebSocketEngine

/// `PlainHTTPClient` (the `http` step) against an independent server (Python's `http.server`, also over TLS)
/// and against scripted misbehaving ones.
@Suite(.serialized) struct PlainHTTPClientTests {
    /// Python's standard library HTTP server: `POST /login` answers JSON with Content-Length, `/chunked` a chunked
    /// body, `/until-close` a body that ends with the connection, `/echo-request` the request line, headers, body.
    static let serverSource = #"""
        import http.server, json, ssl, sys

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def body(self):
                return self.rfile.read(int(self.headers.get("Content-Length", "0")))

            def send_body(self, status, data, content_type="application/json"):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            def do_POST(self):
                data = self.body()
                if self.path == "/login":
                    user = json.loads(data)["user"]
                    self.send_body(200, json.dumps({"token": "t-" + user}).encode())
                else:
                    self.send_body(404, b'{"error":"not found"}')

            def do_HEAD(self):
                self.send_body(200, b'{"ok":true}')

            def do_GET(self):
                if self.path == "/chunked":
                    self.send_response(200)
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for part in [b'{"parts":', b'[1,2,', b'3]}']:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                    self.wfile.write(b"0\r\n\r\n")
                elif self.path == "/until-close":
                    self.send_response(200)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(b"all of it")
                    self.close_connection = True
                else:
                    self.send_body(200, json.dumps({"path": self.path, "host": self.headers["Host"]}).encode())

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if len(sys.argv) > 2:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(sys.argv[1], sys.argv[2])
            server.socket = context.wrap_socket(server.socket, server_side=True)
        print("listening", server.server_address[1], flush=True)
        server.serve_forever()
        """#

    func withServer(tls: Bool = false, _ body: (_ port: Int, _ certificate: String?) async throws -> Void)
        async throws
    {
        let directory = try TestPaths.makeTemporaryDirectory("plain-http")
        defer { try? FileManager.default.removeItem(at: directory) }
        var arguments: [String] = []
        var certificate: String?
        if tls {
            let (certificatePath, key) = try TLSErrorTests.makeCertificate(
                in: directory, name: "http", subjectAltName: "DNS:localhost,IP:127.0.0.1")
            arguments = [certificatePath, key]
            certificate = certificatePath
        }
        let server = try BackgroundProcess.pythonPeer(Self.serverSource, arguments)
        defer { server.stop() }
        let port = try #require(server.announcedWord().flatMap { Int($0) }, "\(server.output)")
        try await body(port, certificate)
    }

    func send(
        _ method: String, _ url: String, body: String = "", tls: WebSocketTLSOptions = WebSocketTLSOptions(),
        timeout: TimeAmount = .seconds(5)
    ) async throws -> Result<HTTPResponseHead, WebSocketError> {
        let parsed = try #require(HTTPURL(url))
        let request = HTTPRequest.make(
            method: method, host: parsed.hostHeader, target: parsed.target, body: Array(body.utf8),
            contentType: body.isEmpty ? nil : "application/json")
        return await PlainHTTPClient().send(request, to: parsed, tls: tls, timeout: timeout)
    }

    @Test func aJSONLoginWithContentLength() async throws {
        try await withServer { port, _ in
            let response = try await send("POST", "http://127.0.0.1:\(port)/login", body: #"{"user":"alice"}"#).get()
            #expect(response.status == 200)
            #expect(response.headers.first("Content-Type") == "application/json")
            #expect(response.bodyText == #"{"token": "t-alice"}"#)
            #expect(!response.bodyTruncated)
        }
    }

    @Test func chunkedAndCloseDelimitedBodiesAndHead() async throws {
        try await withServer { port, _ in
            let chunked = try await send("GET", "http://127.0.0.1:\(port)/chunked").get()
            #expect(chunked.bodyText == #"{"parts":[1,2,3]}"#)
            let untilClose = try await send("GET", "http://127.0.0.1:\(port)/until-close").get()
            #expect(untilClose.bodyText == "all of it")
            // A HEAD answer carries Content-Length but no body: the client must not wait for one.
            let head = try await send("HEAD", "http://127.0.0.1:\(port)/", timeout: .seconds(3)).get()
            #expect(head.status == 200)
            #expect(head.headers.first("Content-Length") == "11")
            #expect(head.body.readableBytes == 0)
            let target = try await send("GET", "http://localhost:\(port)/a/b?c=d").get()
            #expect(target.bodyText == #"{"path": "/a/b?c=d", "host": "localhost:\#(port)"}"#)
        }
    }

    @Test func httpsWithTheServersCertificateAndWithout() async throws {
        try await withServer(tls: true) { port, certificate in
            let trusted = try await send(
                "POST", "https://127.0.0.1:\(port)/login", body: #"{"user":"bob"}"#,
                tls: WebSocketTLSOptions(caFile: certificate)
            ).get()
            #expect(trusted.bodyText == #"{"token": "t-bob"}"#)
            guard case .failure(let error) = try await send("GET", "https://127.0.0.1:\(port)/") else {
                Issue.record("an untrusted certificate was accepted")
                return
            }
            #expect(error.kind == .tls)
            #expect(error.message.hasPrefix("TLS handshake with 127.0.0.1:\(port) failed: "), "\(error.message)")
            // Plain text to a TLS server gets no HTTP answer.
            guard case .failure(let plain) = try await send("GET", "http://127.0.0.1:\(port)/") else {
                Issue.record("plain HTTP to a TLS server succeeded")
                return
            }
            #expect(plain.message.hasSuffix("(is it a TLS server? try https://)"), "\(plain.message)")
        }
    }

    @Test func theRequestGoesOutAsBuilt() async throws {
        let answer = Array("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok".utf8)
        let server = try await ScriptedServer(.init(answer: { _ in answer }))
        defer { Task { await server.stop() } }
        let response = try await send("PUT", "http://127.0.0.1:\(server.port)/items/1", body: "[1]").get()
        #expect(response.status == 201)
        #expect(response.reason == "Created")
        #expect(
            server.requests.withLockedValue { $0 } == [
                "PUT /items/1 HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 3\r\nUser-Agent: wscenario\r\nAccept: */*\r\nConnection: close"
            ])
        for _ in 0..<200 where server.received.withLockedValue({ $0.count }) < 3 {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        #expect(server.received.withLockedValue { $0 } == Array("[1]".utf8))
    }

    @Test func aSilentServerTimesOut() async throws {
        let server = try await ScriptedServer(.init(answer: { _ in [] }, silent: true))
        defer { Task { await server.stop() } }
        let result = try await send("GET", "http://127.0.0.1:\(server.port)/", timeout: .milliseconds(300))
        guard case .failure(let error) = result else {
            Issue.record("no timeout: \(result)")
            return
        }
        #expect(error.kind == .timeout)
        #expect(error.message == "no complete HTTP response from 127.0.0.1:\(server.port) within 300ms")
    }

    @Test func earlyEndsAndNonHTTPAnswersAreExplained() async throws {
        let cut = try await ScriptedServer(
            .init(
                answer: { _ in Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".utf8) }, closeAfterAnswer: true)
        )
        defer { Task { await cut.stop() } }
        let cutResult = try await send("GET", "http://127.0.0.1:\(cut.port)/")
        #expect(cutResult.failure?.kind == .closed)
        #expect(cutResult.failure?.message == "the server closed the connection before the response was complete")

        let ssh = try await ScriptedServer(
            .init(answer: { _ in Array("SSH-2.0-OpenSSH_9.6\r\n".utf8) }, closeAfterAnswer: true))
        defer { Task { await ssh.stop() } }
        let sshResult = try await send("GET", "http://127.0.0.1:\(ssh.port)/")
        #expect(sshResult.failure?.kind == .protocol)
        #expect(sshResult.failure?.message == "the server's answer is not HTTP (is it a TLS server? try https://)")
    }

    @Test func interimAnswersAreSkippedAndABadLengthIsAnError() async throws {
        let interim = try await ScriptedServer(
            .init(answer: { _ in
                Array("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n".utf8)
                    + Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".utf8)
            }))
        defer { Task { await interim.stop() } }
        let final = try await send("GET", "http://127.0.0.1:\(interim.port)/").get()
        #expect(final.status == 200)
        #expect(final.bodyText == "ok")

        let negative = try await ScriptedServer(
            .init(answer: { _ in Array("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n".utf8) }))
        defer { Task { await negative.stop() } }
        let result = try await send("GET", "http://127.0.0.1:\(negative.port)/")
        #expect(result.failure?.kind == .protocol)
        #expect(result.failure?.message.contains("Content-Length: -1") == true, "\(String(describing: result))")
    }

    @Test func aClosedPortIsRefused() async throws {
        let server = try await ScriptedServer(.init(answer: { _ in [] }))
        let port = server.port
        await server.stop()
        let result = try await send("GET", "http://127.0.0.1:\(port)/")
        #expect(result.failure?.kind == .refused)
        #expect(result.failure?.message == "connection to 127.0.0.1:\(port) refused")
    }

    @Test func urlsParseLikeWebSocketURLs() {
        #expect(HTTPURL("http://127.0.0.1:9001/login")?.description == "http://127.0.0.1:9001/login")
        #expect(HTTPURL("HTTPS://Example.com?x=1")?.target == "/?x=1")
        #expect(HTTPURL("https://example.com")?.port == 443)
        #expect(HTTPURL("http://[::1]:8080/a")?.hostHeader == "[::1]:8080")
        #expect(HTTPURL("ws://127.0.0.1/") == nil)
        #expect(HTTPURL("http://127.0.0.1:0/") == nil)
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
