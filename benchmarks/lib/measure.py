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


TICKS = os.sysconf("SC_CLK_TCK")


def machine_busy_seconds(cpu=None):
    """CPU seconds all processes used since boot (user, nice, system, irq, softirq) on every CPU, or on CPU
    number CPU only, from /proc/stat."""
    label = "cpu" if cpu is None else f"cpu{cpu}"
    with open("/proc/stat") as stat:
        for line in stat:
            parts = line.split()
            if parts[0] == label:
                fields = [int(value) for value in parts[1:]]
                return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6]) / TICKS
    raise RuntimeError(f"/proc/stat has no {label} line")


def watched_cpus(placement):
    """The CPU whose load matters for a placement (cpu 0 when pinned; None = all CPUs) and how many CPUs that is."""
    return (0, 1) if placement == "pinned" else (None, os.cpu_count())


def process_seconds(pid):
    """CPU seconds (user + system) process PID used so far; 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (OSError, IndexError, ValueError):
        return 0.0


def other_load(seconds, own_pids, placement):
    """The share of the placement's CPUs that processes other than OWN_PIDS used during a SECONDS window."""
    cpu, count = watched_cpus(placement)
    busy, own = machine_busy_seconds(cpu), sum(process_seconds(pid) for pid in own_pids)
    time.sleep(seconds)
    used = machine_busy_seconds(cpu) - busy - (sum(process_seconds(pid) for pid in own_pids) - own)
    return max(0.0, used / (seconds * count))


def wait_for_quiet(limit_seconds, own_pids, placement, threshold=0.10):
    """Waits up to LIMIT_SECONDS for other processes (other engineers' builds and tests on this shared VM) to use
    under THRESHOLD of the CPUs; returns the last share seen (0 when LIMIT_SECONDS is 0)."""
    deadline = time.monotonic() + limit_seconds
    share = 0.0
    while time.monotonic() < deadline:
        share = other_load(1.0, own_pids, placement)
        if share < threshold:
            break
    return share


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


def run_measured(command, placement, timeout, env=None, server_pid=None):
    """Runs COMMAND under /usr/bin/time -v with the placement's CPU pinning; returns a dict with
    stdout, stderr, returncode, wall (s, measured here), cpu (s), max_rss_kib, timed_out, and other_load: the
    share of the placement's CPUs (cpu 0 when pinned, else all) used meanwhile by anything but this command and the
    echo server (SERVER_PID)."""
    watched, count = watched_cpus(placement)
    busy_before = machine_busy_seconds(watched)
    server_before = process_seconds(server_pid) if server_pid else 0.0
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
        report = time_file.read()
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    cpu = sum(float(value) for value in re.findall(r"(?:User|System) time \(seconds\): ([0-9.]+)", report))
    server_used = (process_seconds(server_pid) - server_before) if server_pid else 0.0
    others = machine_busy_seconds(watched) - busy_before - cpu - server_used
    return {"stdout": stdout, "stderr": stderr, "returncode": process.returncode, "wall": wall, "cpu": cpu,
            "other_load": max(0.0, others / (wall * count)),
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
