import Foundation

extension BackgroundProcess {
    /// Starts `script` with the peers' Python (`python -u -c SCRIPT ARGUMENTS`) and waits until it prints a line
    /// starting with `readyLine`, such as `listening on ws://127.0.0.1:PORT` or `listening PORT`.
    public static func pythonPeer(
        _ script: String, _ arguments: [String] = [], readyLine: String = "listening", timeout: Double = 20
    ) throws -> BackgroundProcess {
        try BackgroundProcess(
            TestPaths.peersPython, ["-u", "-c", script] + arguments, readyLine: readyLine, timeout: timeout)
    }

    /// A TCP server on 127.0.0.1 that accepts connections and never answers (a hung HTTP or TLS peer); announces
    /// `listening PORT`.
    public static func silentTCPServer() throws -> BackgroundProcess {
        try pythonPeer(
            """
            import socket
            s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
            print("listening", s.getsockname()[1], flush=True)
            connections = []
            while True:
                connection, _ = s.accept(); connections.append(connection)
            """)
    }

    /// The last word of the first output line starting with `prefix` (the port or URL a peer announced), or nil.
    public func announcedWord(after prefix: String = "listening") -> String? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return line.split(separator: " ").last.map(String.init)
    }
}
