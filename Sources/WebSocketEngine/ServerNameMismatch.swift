/// The server's certificate does not name the `server_name` it was verified against.
struct ServerNameMismatch: Error, CustomStringConvertible {
    /// The name the certificate was checked against.
    var serverName: String
    var description: String { "certificate is not valid for \(serverName)" }
}
