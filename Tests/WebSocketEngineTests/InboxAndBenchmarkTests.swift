import EngineTestSupport
import NIOCore
import Testing
import WebSocketCore
import WebSocketEngine

@Suite struct InboxAndBenchmarkTests {
    @Test func nextMessageGivesUpAfterItsTimeoutAndWhenTheConnectionEnds() async throws {
        let server = try await ScriptedServer(.init(answer: { ScriptedServer.upgrade($0) }))
        defer { Task { await server.stop() } }
        let (result, inbox) = await connect(server.url)
        let connection = try #require(result.connection)
        #expect(await inbox.nextMessage(timeout: 0.1) == nil)
        #expect(inbox.closeOutcome == nil)
        connection.disconnect()
        _ = await connection.closed()
        #expect(await inbox.nextMessage(timeout: 5) == nil)
        #expect(inbox.closeOutcome?.code == 1006)
    }

    @Test func theBenchmarkCountsEveryEcho() async throws {
        let (server, port) = try PythonPeerTests.startServer()
        defer { server.stop() }
        let benchmark = EngineBenchmark(url: "ws://127.0.0.1:\(port)/", size: 8)
        let sequential = try await benchmark.sequential(count: 200)
        let pipelined = try await benchmark.pipelined(count: 500)
        #expect(sequential.messages == 200 && sequential.seconds > 0)
        #expect(pipelined.messages == 500 && pipelined.seconds > 0)
        #expect(pipelined.description.hasPrefix("pipelined: 500 messages in "))
    }
}
