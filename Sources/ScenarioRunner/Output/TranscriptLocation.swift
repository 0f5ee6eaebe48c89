import Foundation
import ScenarioLanguage

/// Where a scenario's transcript goes: `DIR/<file path without extension>/<scenario name, slugged>.jsonl`
/// with the `.txt` rendering beside it.
public struct TranscriptLocation: Sendable, Equatable {
    /// The JSON Lines file.
    public var jsonl: URL
    /// The text rendering.
    public var text: URL

    /// The location for scenario `name` of `file` under `directory`.
    public init(directory: URL, file: String, name: String) {
        self.init(directory: directory, file: file, slug: TranscriptLocation.slug(name))
    }

    /// The location for an already slugged name (e.g. a de-duplicated `chat-2`).
    public init(directory: URL, file: String, slug: String) {
        let folder = directory.appendingPathComponent(TranscriptLocation.relativeFolder(file))
        jsonl = folder.appendingPathComponent(slug + ".jsonl")
        text = folder.appendingPathComponent(slug + ".txt")
    }

    /// The scenario file's path without its extension, normalised (`a/./b/../c` is `a/c`) and made relative: a
    /// path under the working directory relative to it, then no leading `/` and no leading `..`.
    static func relativeFolder(_ file: String) -> String {
        var path = PathNormalizer.lexical(file)
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { path = String(path.dropFirst(cwd.count + 1)) }
        let ext = (path as NSString).pathExtension
        if ext == "yaml" || ext == "yml" { path = String(path.dropLast(ext.count + 1)) }
        let parts = path.split(separator: "/").filter { $0 != "." && $0 != ".." && !$0.isEmpty }
        return parts.isEmpty ? "scenario" : parts.joined(separator: "/")
    }

    /// The longest slug, in UTF-8 bytes (file names are limited to 255 bytes).
    static let maximumSlugBytes = 120

    /// Unicode letters and digits in lower case, every run of other characters replaced by one `-`, no `-` at
    /// either end, `scenario` when nothing is left: "Chat: join & leave!" → `chat-join-leave`,
    /// "日本語のシナリオ" → `日本語のシナリオ`, "!!!" → `scenario`.
    public static func slug(_ name: String) -> String {
        var slug = ""
        var bytes = 0
        var pendingDash = false
        for character in name.lowercased() {
            guard character.isLetter || character.isNumber else {
                pendingDash = true
                continue
            }
            let piece = (pendingDash && !slug.isEmpty ? "-" : "") + String(character)
            guard bytes + piece.utf8.count <= maximumSlugBytes else { break }
            slug += piece
            bytes += piece.utf8.count
            pendingDash = false
        }
        return slug.isEmpty ? "scenario" : slug
    }
}
