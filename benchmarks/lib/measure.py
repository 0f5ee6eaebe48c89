"""Running one measured process (bounded, under /usr/bin/time -v) and the echo servers."""
import os
import re
import signal
import subprocess
import tempfile
import time

LIB = os.path.dirname(os.path.abspath(__file__))
PINNED = ["taskset", "-c", "0"]


def placement_prefix(placement):
    return PINNED if placement == "pinned" else []


def stop_process(process, grace=5.0):
    """Stops a process we started (its own process group) by its id: SIGTERM, then SIGKILL after GRACE s."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=grace)


def run_measured(command, placement, timeout, env=None):
    """Runs COMMAND under /usr/bin/time -v with the placement's CPU pinning; returns a dict with
    stdout, stderr, returncode, wall (s, measured here), max_rss_kib, timed_out."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as time_file:
        full = ["/usr/bin/time", "-v", "-o", time_file.name] + placement_prefix(placement) + command
        began = time.perf_counter()
        process = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                   start_new_session=True, text=True)
        timed_out = False
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            stop_process(process)
            stdout, stderr = process.communicate()
        wall = time.perf_counter() - began
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_file.read())
    return {"stdout": stdout, "stderr": stderr, "returncode": process.returncode, "wall": wall,
            "max_rss_kib": int(match.group(1)) if match else None, "timed_out": timed_out}


class EchoServer:
    """The echo server every client of one run talks to: `picows` (benchmarks/lib/echo_server.py) or
    `wscenario` (the built-in `wscenario serve`, path /echo)."""

    def __init__(self, kind, placement, python, wscenario, log_path):
        self.kind, self.placement = kind, placement
        if kind == "picows":
            command = [python, os.path.join(LIB, "echo_server.py")]
        else:
            command = [wscenario, "serve", "--host", "127.0.0.1", "--port", "0"]
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(placement_prefix(placement) + command, stdout=subprocess.PIPE,
                                        stderr=self.log, text=True, start_new_session=True)
        self.port = self._read_port()

    def _read_port(self):
        import selectors
        selector = selectors.DefaultSelector()
        selector.register(self.process.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if selector.select(timeout=0.5):
                line = self.process.stdout.readline()
                if not line:
                    break
                match = re.search(r"listening (?:on ws://127\.0\.0\.1:)?(\d+)", line)
                if match:
                    return int(match.group(1))
        self.stop()
        raise RuntimeError(f"{self.kind} echo server did not report its port")

    @property
    def url(self):
        return f"ws://127.0.0.1:{self.port}"

    @property
    def max_rss_kib(self):
        """The server's current VmHWM (peak RSS so far), read from /proc while it runs."""
        try:
            with open(f"/proc/{self.process.pid}/status") as status:
                match = re.search(r"VmHWM:\s+(\d+) kB", status.read())
                return int(match.group(1)) if match else None
        except OSError:
            return None

    def stop(self):
        stop_process(self.process)
        self.log.close()
