import Foundation

/// `tls:` settings of `connect` and `http` as written: the file paths and the server name may hold placeholders,
/// rendered when the step runs (`resolved(using:)`); relative paths are resolved against the scenario file's folder.
public struct TLSSettings: Sendable {
    /// A PEM file of trusted CA certificates.
    public var ca: Template?
    /// A PEM client certificate.
    public var certificate: Template?
    /// The PEM private key of the client certificate.
    public var key: Template?
    /// Skip certificate verification.
    public var insecure: Bool
    /// SNI / verification name, when different from the URL's host.
    public var serverName: Template?
    /// The folder relative paths are resolved against (the file that holds the step).
    public var directory: String

    public init(
        ca: Template? = nil, certificate: Template? = nil, key: Template? = nil, insecure: Bool = false,
        serverName: Template? = nil, directory: String = ""
    ) {
        self.ca = ca
        self.certificate = certificate
        self.key = key
        self.insecure = insecure
        self.serverName = serverName
        self.directory = directory
    }

    /// The settings with their placeholders rendered and their paths resolved.
    public func resolved(using lookup: (TemplateReference) throws -> JSONValue) throws -> TLSOptions {
        func render(_ template: Template?) throws -> String? {
            try template.map { try $0.render { try lookup($0).interpolationText } }
        }
        func path(_ template: Template?) throws -> String? {
            try render(template).map { TLSSettings.resolve($0, in: directory) }
        }
        return TLSOptions(
            caFile: try path(ca), certificateFile: try path(certificate), keyFile: try path(key), insecure: insecure,
            serverName: try render(serverName))
    }

    /// `path` resolved against `directory` when it is relative.
    public static func resolve(_ path: String, in directory: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty || directory == "." { return path }
        return (directory as NSString).appendingPathComponent(path)
    }
}
