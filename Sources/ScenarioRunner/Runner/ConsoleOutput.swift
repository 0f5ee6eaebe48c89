#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes console text to a file descriptor without ever trapping: when the reader went away (`wscenario run | head
/// -1` closes the pipe), the rest is dropped and the run goes on, so its reports and transcripts are still written.
/// (`FileHandle.write` traps on `EPIPE`.)
public enum ConsoleOutput {
    /// Writes `text` to `descriptor` (1: standard output, 2: standard error), retrying interrupted and short writes.
    public static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                    Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                    Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return  // EPIPE (the reader is gone) or another failure: nothing more can be shown
            }
        }
    }
}
