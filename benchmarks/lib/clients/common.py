"""Shared argument parsing, payloads and result printing for the benchmark clients.

Every client takes: WORKLOAD URL [--count N] [--size BYTES] [--conns N] [--rounds N] [--hold SECONDS]
and prints one JSON object on stdout: {"elapsed": s, "messages": n, "bytes": n, "latency_us": {...}?}.
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
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return parser.parse_args()


def text_payload(size):
    """The text message every client sends: a repeating hex-digit pattern of exactly SIZE bytes."""
    return ("0123456789abcdef" * (size // 16 + 1))[:size]


def binary_payload(size):
    """The binary message every client sends: bytes 0..255 repeated, SIZE bytes."""
    return (bytes(range(256)) * (size // 256 + 1))[:size]


def percentiles(samples_ns):
    """p50, p99 and p99.9 in microseconds (nearest-rank) of round-trip samples in nanoseconds."""
    if not samples_ns:
        return None
    ordered = sorted(samples_ns)

    def rank(fraction):
        index = min(len(ordered) - 1, max(0, int(fraction * len(ordered) + 0.999999) - 1))
        return round(ordered[index] / 1000.0, 1)

    return {"p50": rank(0.50), "p99": rank(0.99), "p999": rank(0.999)}


def report(elapsed, messages, payload_bytes, latencies_ns=None):
    result = {"elapsed": elapsed, "messages": messages, "bytes": payload_bytes}
    if latencies_ns:
        result["latency_us"] = percentiles(latencies_ns)
    print(json.dumps(result), flush=True)


def fail(message):
    print(message, file=sys.stderr, flush=True)
    sys.exit(1)
