import Foundation
import ScenarioRunner

/// Standard error, as every sub-command writes its problems and diagnostics to it.
enum StandardError {
    /// Writes `text` and a newline on standard error, after what standard output holds buffered: when both go
    /// to one pipe, lines come out in the order they were written.
    static func printLine(_ text: String) {
        fflush(nil)  // every C stream, standard output among them
        ConsoleOutput.write(text + "\n", to: 2)
    }
}
