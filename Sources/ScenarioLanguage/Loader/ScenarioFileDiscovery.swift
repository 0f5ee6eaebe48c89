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
            files += search(directory: path)
        }
        var seen: Set<String> = []
        return (files.filter { seen.insert(PathNormalizer.absolute($0)).inserted }, problems, explicit)
    }

    static func isScenarioFile(_ name: String) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return false }
        return !(name.hasSuffix(".vars.yaml") || name.hasSuffix(".vars.yml"))
    }

    private static func search(directory: String) -> [String] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return [] }
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                result += search(directory: path)
            } else if isScenarioFile(name) {
                result.append(path)
            }
        }
        return result
    }
}
