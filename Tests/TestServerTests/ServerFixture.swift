import TestServer

/// Runs `body` against a fresh built-in server on a free 127.0.0.1 port, then shuts it down.
func withServer(
    _ configuration: BuiltInServerConfiguration = BuiltInServerConfiguration(),
    _ body: (BuiltInServer) async throws -> Void
) async throws {
    let server = try await BuiltInServer.start(configuration)
    do {
        try await body(server)
    } catch {
        try await server.shutdown()
        throw error
    }
    try await server.shutdown()
}
