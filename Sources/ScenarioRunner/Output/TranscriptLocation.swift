import Foundation

/// Where a scenario's transcript goes: `DIR/<file path without extension>/<scenario name, slugged>.jsonl`
/// with the `.txt` rendering beside it.
public struct TranscriptLocation: Sendable, Equatable {
    /// The JSON Lines file.
    public var jsonl: URL
    /// The text rendering.
    public var text: URL

    /// The location for scenario `name` of `file` under `directory`.
    public init(directory: URL, file: String, name: String) {
        let folder = directory.appendingPathComponent(TranscriptLocation.relativeFolder(file))
        let slug = TranscriptLocation.slug(name)
        jsonl = folder.appendingPathComponent(slug + ".jsonl")
        text = folder.appendingPathComponent(slug + ".txt")
    }

    /// The scenario file's path without its extension, made relative (no leading `/`, no `..`).
    static func relativeFolder(_ file: String) -> String {
        var path = file
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { path = String(path.dropFirst(cwd.count + 1)) }
        let ext = (path as NSString).pathExtension
        if ext == "yaml" || ext == "yml" { path = String(path.dropLast(ext.count + 1)) }
        let parts = path.split(separator: "/").filter { $0 != "." && $0 != ".." && !$0.isEmpty }
        return parts.isEmpty ? "scenario" : parts.joined(separator: "/")
    }

    /// Lower-case ASCII letters and digits (accents folded), every other run replaced by one `-`, no `-` at either
    /// end: "Chat: join & leave!" → `chat-join-leave`, "Café_au lait" → `cafe-au-lait`.
    public static func slug(_ name: String) -> String {
        var slug = ""
        var pendingDash = false
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        for scalar in folded.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "scenario" : String(slug.prefix(120))
    }
}
