import Foundation

/// Checks, before anything runs, that a report file can be written (its folder created, the file opened).
public enum ReportPathCheck {
    /// Why the report at `path` cannot be written (e.g. "Not a directory (out is a file)"), or nil when it can.
    /// Creates the missing folders; leaves no file behind.
    public static func problem(_ path: String) -> String? {
        var created: [String] = []
        return problem(path, created: &created)
    }

    /// `problem(_:)`, adding the folders it created to `created` (see `TranscriptDirectoryCheck`).
    public static func problem(_ path: String, created: inout [String]) -> String? {
        let parent: String
        if let slash = path.lastIndex(of: "/") {
            parent = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            parent = "."
        }
        if let reason = TranscriptDirectoryCheck.problem(URL(fileURLWithPath: parent), created: &created) {
            return reason
        }
        var isDirectory: ObjCBool = false
        let existed = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if existed && isDirectory.boolValue { return "Is a directory" }
        let descriptor = open(path, O_CREAT | O_WRONLY, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        close(descriptor)
        if !existed { unlink(path) }
        return nil
    }
}
