import NIOHTTP1
import Testing

@testable import TestServer

@Suite struct RoutingTests {
    @Test(arguments: [
        ("/echo", ServerRoute.echo),
        ("/echo?x=1", .echo),
        ("/chat/lobby%20two", .chat(room: "lobby two")),
        ("/stream", .stream(count: 10, intervalMilliseconds: 0)),
        ("/stream?count=3&interval=250", .stream(count: 3, intervalMilliseconds: 250)),
        ("/reject/418", .reject(status: 418)),
        ("/close/4000", .close(code: 4000, reason: "closing with 4000")),
        ("/close/1001?reason=bye+now", .close(code: 1001, reason: "bye now")),
        ("/slow", .slow(delayMilliseconds: 1000)),
        ("/heartbeat?interval=50", .heartbeat(intervalMilliseconds: 50)),
        ("/heartbeat?interval=75ms", .heartbeat(intervalMilliseconds: 75)),
        ("/slow?delay=1.5s", .slow(delayMilliseconds: 1500)),
        ("/misbehave/frame-with-101", .misbehave(.frameWith101)),
        ("/misbehave/other", .unknown),
        ("/", .unknown),
        ("/echo/extra", .unknown),
    ])
    func parsesTargets(target: String, route: ServerRoute) {
        #expect(ServerRoute.parse(target) == route)
    }

    @Test(arguments: ["/slow?delay=2m", "/slow?delay=61s", "/stream?interval=x", "/heartbeat?interval=5ms"])
    func rejectsBadDurations(target: String) {
        guard case .invalid(let reason) = ServerRoute.parse(target) else {
            Issue.record("\(target) should be invalid")
            return
        }
        #expect(reason.contains("duration"))
    }

    @Test func subprotocolPolicies() {
        #expect(SubprotocolPolicy(supported: ["a", "b"]).choose(offered: ["b", "a"]) == "b")
        #expect(SubprotocolPolicy(supported: ["a", "b"], serverPreference: true).choose(offered: ["b", "a"]) == "a")
        #expect(SubprotocolPolicy(supported: ["a"]).choose(offered: ["c"]) == nil)
        #expect(SubprotocolPolicy(supported: nil).choose(offered: []) == nil)
        #expect(SubprotocolPolicy(supported: ["a"], forced: "z").choose(offered: ["a"]) == "z")
    }

    @Test func authDecision() {
        let none = HandshakeDecision.decide(route: .auth, headers: [:], token: "t")
        guard case .respond(let response) = none else { Issue.record("expected a refusal"); return }
        #expect(response.status == .unauthorized)
        let ok = HandshakeDecision.decide(route: .auth, headers: ["Authorization": "Bearer t"], token: "t")
        #expect(ok == .upgrade(headers: [:], delayMilliseconds: 0))
        let open = HandshakeDecision.decide(route: .chat(room: "r"), headers: [:], token: nil)
        #expect(open == .upgrade(headers: [:], delayMilliseconds: 0))
    }

    @Test func utf8ValidatorAcceptsSplitCharactersAndRejectsBadOnes() {
        func check(_ chunks: [[UInt8]]) -> Bool {
            var validator = StreamingUTF8Validator()
            for chunk in chunks where !chunk.withUnsafeBytes({ validator.consume($0) }) { return false }
            return validator.isComplete
        }
        #expect(check([Array("κόσμε".utf8)]))
        #expect(check([[0xF0, 0x9F], [0x98, 0x80]]))
        #expect(!check([[0xF0, 0x9F]]))
        #expect(!check([[0xC3, 0x28]]))
        #expect(!check([[0xED, 0xA0, 0x80]]))  // a UTF-16 surrogate
        #expect(!check([[0xF4, 0x90, 0x80, 0x80]]))  // above U+10FFFF
        #expect(!check([[0xC0, 0xAF]]))  // overlong
    }
}
