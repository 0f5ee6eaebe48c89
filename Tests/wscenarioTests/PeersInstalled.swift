import Foundation
import TestSupport
import Testing

/// Whether the peers' Python venv exists; when it does not, records an issue saying how to create it, so a test
/// that needs a peer fails instead of passing without running.
func peersInstalled() -> Bool {
    guard FileManager.default.isExecutableFile(atPath: TestPaths.peersPython) else {
        Issue.record("peers venv missing: run scripts/setup-peers")
        return false
    }
    return true
}
