import Foundation

/// Standard error, as every sub-command writes its problems and diagnostics to it.
enum StandardError {
    /// Writes `text` and a newline on standard error.
    static func printLine(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
