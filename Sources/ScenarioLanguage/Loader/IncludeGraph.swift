/// Decides which loaded files are fragments (steps included by a scenario file) rather than scenario files.
///
/// A file that no other loaded file includes is a root. Every file a root includes, directly or through
/// other files, is a fragment of that root. Files included only from within a cycle (`a.yaml` and
/// `b.yaml` including each other, a file including itself) are not fragments of any root: they stay
/// scenario files, so that the cycle is reported.
struct IncludeGraph {
    /// For every loaded file (absolute path): the files its compilation included (absolute paths).
    var reachable: [String: Set<String>]

    /// The files (absolute paths) in the order they were loaded.
    var order: [String]

    /// For each fragment among the loaded files: the root that includes it (the first in load order).
    func fragmentRoots() -> [String: String] {
        let roots = order.filter { file in
            !order.contains { other in other != file && reachable[other, default: []].contains(file) }
        }
        let loaded = Set(order)
        var result: [String: String] = [:]
        for root in roots {
            for file in reachable[root, default: []] where file != root && loaded.contains(file) {
                if result[file] == nil { result[file] = root }
            }
        }
        return result
    }
}
