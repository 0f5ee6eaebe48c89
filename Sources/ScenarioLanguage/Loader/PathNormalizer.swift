import Foundation

/// Cheap, purely lexical path normalisation (no file system calls), for comparing paths.
public enum PathNormalizer {
    private static let currentDirectory = FileManager.default.currentDirectoryPath

    /// The absolute form of `path` with `.`, `..` and repeated slashes removed.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        var components: [Substring] = []
        for component in full.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// `path` with `.` components and repeated slashes removed (`./a.yaml` is `a.yaml`, `dir//./b.yaml` is
    /// `dir/b.yaml`); `..` stays, as a symbolic link before it would change what it means. For showing paths.
    public static func withoutCurrentDirectoryComponents(_ path: String) -> String {
        guard path.contains("./") || path.contains("//") || path.hasSuffix("/.") else { return path }
        let components = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let body = components.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + body : (body.isEmpty ? "." : body)
    }

    /// `path` with `.`, `..` and repeated slashes removed, staying relative when it was relative.
    public static func lexical(_ path: String) -> String {
        var components: [Substring] = []
        var leadingParents = 0
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if components.isEmpty { leadingParents += 1 } else { components.removeLast() }
            default: components.append(component)
            }
        }
        let body = (Array(repeating: Substring(".."), count: path.hasPrefix("/") ? 0 : leadingParents) + components)
            .joined(separator: "/")
        return path.hasPrefix("/") ? "/" + body : (body.isEmpty ? "." : body)
    }
}
