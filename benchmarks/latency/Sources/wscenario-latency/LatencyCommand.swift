import ArgumentParser
import BenchmarkLatency
import Foundation

/// `wscenario-latency`: round-trip latency percentiles for benchmarks/run, computed with HdrHistogram.
@main
struct LatencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wscenario-latency",
        abstract: "Round-trip latency percentiles (p50, p99, p99.9, max, mean) with HdrHistogram.",
        discussion: """
            Give exactly one input. --transcript pairs, per connection, the i-th data frame_out (opcode text or \
            binary, fin true) of a wscenario JSONL transcript with the i-th data frame_in; latency = t(in) - \
            t(out), at the transcript's 1 us resolution. --samples reads one latency per line in nanoseconds \
            (what the benchmark's peer clients write with --latencies).

            The histogram records nanoseconds from 1 ns to 60 s with 3 significant digits: each percentile is \
            within 0.1 % of the sample at that rank; max is the exact largest sample.

            Prints one JSON object: {"count": n, "p50": us, "p99": us, "p999": us, "max": us, "mean": us} \
            (microseconds, one decimal). Exit status 2 on invalid usage or input (unreadable, malformed, \
            out of range, or empty: no sample at all).
            """
    )

    @Option(name: .long, help: ArgumentHelp("A wscenario transcript (.jsonl) to pair frames from.", valueName: "file"))
    var transcript: String?

    @Option(name: .long, help: ArgumentHelp("One round-trip latency per line, in nanoseconds.", valueName: "file"))
    var samples: String?

    func validate() throws {
        if (transcript == nil) == (samples == nil) {
            throw ValidationError("give exactly one of --transcript FILE and --samples FILE")
        }
    }

    func run() throws {
        var recorder = LatencyRecorder()
        let source: String
        if let transcript {
            try TranscriptPairing.record(InputLines(contentsOf: transcript), into: &recorder)
            source = transcript
        } else {
            let path = samples ?? ""
            try SampleFile.record(InputLines(contentsOf: path), into: &recorder)
            source = path
        }
        print(try recorder.summary(source: source).json)
    }

    /// Parses, then runs; every failure (usage or input) prints a message on stderr and exits with status 2.
    static func main() {
        let command: LatencyCommand
        do {
            command = try parse()
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }  // --help
            writeError(fullMessage(for: error))
            Foundation.exit(2)
        }
        do {
            try command.run()
        } catch {
            writeError("wscenario-latency: \(error)")
            Foundation.exit(2)
        }
    }

    private static func writeError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
