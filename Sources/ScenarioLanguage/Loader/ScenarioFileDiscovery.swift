import Foundation

/// Finds scenario files: given files as is, directories searched recursively for `.yaml`/`.yml`, skipping
/// `*.vars.yaml`/`*.vars.yml` and dot-files/dot-directories, in sorted order.
enum ScenarioFileDiscovery {
    /// The files to load, the problems with `paths`, and the files given explicitly (not found by searching a
    /// directory), as absolute paths.
    static func discover(_ paths: [String]) -> (files: [String], problems: [Diagnostic], explicit: Set<String>) {
        var files: [String] = []
        var explicit: Set<String> = []
        var problems: [Diagnostic] = []
        let manager = FileManager.default
        var visitedDirectories: Set<FileIdentity> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(.error, "no such file or directory: \(path)", at: nil))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                explicit.insert(PathNormalizer.absolute(path))
                continue
            }
            files += search(directory: path, visited: &visitedDirectories)
        }
        // Each file once, whatever the paths or links it was reached through; shown without `./` (`run .`).
        var seen: Set<String> = []
        var seenFiles: Set<FileIdentity> = []
        let unique = files.map(PathNormalizer.withoutCurrentDirectoryComponents).filter { file in
            guard seen.insert(PathNormalizer.absolute(file)).inserted else { return false }
            return FileIdentity(path: file).map { seenFiles.insert($0).inserted } ?? true
        }
        return (unique, problems, explicit)
    }

    /// A file's device and inode: the same file reached through different paths (symbolic links) has one.
    struct FileIdentity: Hashable {
        let device: UInt64
        let inode: UInt64

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    static func isScenarioFile(_ name: String) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return false }
        return !(name.hasSuffix(".vars.yaml") || name.hasSuffix(".vars.yml"))
    }

    /// The scenario files under `directory`, each directory searched once: a symbolic link back up the tree
    /// (a loop) or to a directory already searched is not followed again.
    private static func search(directory: String, visited: inout Set<FileIdentity>) -> [String] {
        let manager = FileManager.default
        if let identity = FileIdentity(path: directory) {
            guard visited.insert(identity).inserted else { return [] }
        }
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return [] }
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                result += search(directory: path, visited: &visited)
            } else if isScenarioFile(name) {
                result.append(path)
            }
        }
        return result
    }
}
