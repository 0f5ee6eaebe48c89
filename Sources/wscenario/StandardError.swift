import Foundation
import ScenarioRunner

/// Standard error, as every sub-command writes its problems and diagnostics to it.
enum StandardError {
    /// Writes `text` and a newline on standard error.
    static func printLine(_ text: String) {
        ConsoleOutput.write(text + "\n", to: 2)
    }
}
