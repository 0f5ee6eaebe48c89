"""Shared argument parsing, payloads and result printing for the benchmark clients.

Every client takes: WORKLOAD URL [--count N] [--size BYTES] [--conns N] [--rounds N] [--hold SECONDS]
[--latencies FILE] and prints one JSON object on stdout: {"elapsed": s, "messages": n, "bytes": n}.
With --latencies, the seq workload also writes every round trip's latency to FILE, in nanoseconds, one per
line; benchmarks/run turns that into p50 / p99 / p99.9 with `wscenario-latency --samples FILE` (HdrHistogram),
the same tool that reads wscenario's transcripts, so every client's latency figures come from the same code.
`elapsed` covers the workload loop only (first send to last echo, or first connect to last close for
conns/idle), not interpreter start-up; benchmarks/run also records each process's wall time.
Workloads: seq (send, wait for the echo, repeat), pipe (send all, then receive all), big (binary
seq), conns (CONNS connections one after another, ROUNDS round trips each), idle (open CONNS, hold).
"""
import argparse
import json
import resource
import sys

WORKLOADS = ("seq", "pipe", "big", "conns", "idle")


def parse_arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("workload", choices=WORKLOADS)
    parser.add_argument("url")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--size", type=int, default=32)
    parser.add_argument("--conns", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--hold", type=float, default=10.0)
    parser.add_argument("--latencies", default=None, help="seq: write each round trip's latency (ns) here")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return parser.parse_args()


def text_payload(size):
    """The text message every client sends: a repeating hex-digit pattern of exactly SIZE bytes."""
    return ("0123456789abcdef" * (size // 16 + 1))[:size]


def binary_payload(size):
    """The binary message every client sends: bytes 0..255 repeated, SIZE bytes."""
    return (bytes(range(256)) * (size // 256 + 1))[:size]


def write_latencies(path, latencies_ns):
    """Writes round-trip latencies (integer nanoseconds) to PATH, one per line (wscenario-latency --samples)."""
    with open(path, "w") as file:
        file.write("".join(f"{int(latency)}\n" for latency in latencies_ns))


def report(elapsed, messages, payload_bytes, latencies_ns=None, latencies_path=None):
    """Prints the result object; with LATENCIES_PATH, also writes LATENCIES_NS there (write_latencies)."""
    if latencies_path and latencies_ns is not None:
        write_latencies(latencies_path, latencies_ns)
    print(json.dumps({"elapsed": elapsed, "messages": messages, "bytes": payload_bytes}), flush=True)


def fail(message):
    print(message, file=sys.stderr, flush=True)
    sys.exit(1)
