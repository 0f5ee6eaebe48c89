/// The task waiting for a connection's opening handshake was cancelled (the run was interrupted): the
/// handshake is abandoned at once instead of waiting for its timeout.
struct ConnectInterrupted: Error, CustomStringConvertible {
    var description: String { "interrupted before the opening handshake completed" }
}
