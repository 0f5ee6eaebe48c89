import Foundation

/// Checks, before anything runs, that the transcripts directory can be created and written.
public enum TranscriptDirectoryCheck {
    /// Why transcripts cannot be written to `directory` (e.g. "Not a directory"), or nil when they can.
    /// Creates the directory when it is missing.
    public static func problem(_ directory: URL) -> String? {
        var created: [String] = []
        return problem(directory, created: &created)
    }

    /// `problem(_:)`, adding the directories it created to `created` (parents first), so that a run refused
    /// afterwards can take them away again.
    public static func problem(_ directory: URL, created: inout [String]) -> String? {
        let path = directory.relativePath
        if let reason = createDirectories(path, created: &created) { return reason }
        let probe = path + "/.wscenario-write-check-\(getpid())"
        let descriptor = open(probe, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        close(descriptor)
        unlink(probe)
        return nil
    }

    /// `mkdir -p`: nil on success, else the reason for the first component that fails.
    private static func createDirectories(_ path: String, created: inout [String]) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? nil : notADirectory(path)
        }
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") where !component.isEmpty {
            prefix += "/" + component
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { return notADirectory(prefix) }
                continue
            }
            if mkdir(prefix, 0o755) == 0 {
                created.append(prefix)
            } else if errno != EEXIST {
                return String(cString: strerror(errno))
            }
        }
        return nil
    }

    /// Removes the directories a refused run created (innermost first; only those still empty).
    public static func removeCreated(_ created: [String]) {
        for path in created.reversed() { rmdir(path) }
    }

    private static func notADirectory(_ path: String) -> String {
        "Not a directory (\(path.hasPrefix("./") ? String(path.dropFirst(2)) : path) is a file)"
    }
}
