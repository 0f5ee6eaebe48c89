#!/usr/bin/env python3
"""benchmarks/run's engine: runs every workload through wscenario and the peer clients against one echo
server per (run, placement, server), interleaved, and writes raw results (JSON) and Markdown tables.
Invoked by benchmarks/run, which prepares the peers and the wscenario binary; see that script for usage."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clients_registry  # noqa: E402
import measure  # noqa: E402
import report  # noqa: E402
import wscenario_workloads  # noqa: E402

FULL = {
    "a": {"kind": "seq", "count": 100_000, "size": 32},
    "b": {"kind": "pipe", "count": 100_000, "size": 32},
    "c": {"kind": "big", "count": 1000, "size": 1_048_576},
    "d": {"kind": "conns", "conns": 1000, "rounds": 10, "size": 32},
    "e": {"kind": "idle", "conns": 10_000, "hold": 10},
    "f": {"kind": "suite", "total": 1000},
    "g": {"kind": "check", "total": 1000},
}
SMOKE = {
    "a": {"kind": "seq", "count": 300, "size": 32},
    "b": {"kind": "pipe", "count": 300, "size": 32},
    "c": {"kind": "big", "count": 3, "size": 1_048_576},
    "d": {"kind": "conns", "conns": 5, "rounds": 3, "size": 32},
    "e": {"kind": "idle", "conns": 50, "hold": 1},
    "f": {"kind": "suite", "total": 20},
    "g": {"kind": "check", "total": 20},
}
# (e), (f) and (g) are not about placement: they run in the unpinned placement only.
PLACEMENT_FREE = {"e", "f", "g"}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wscenario", required=True, help="the wscenario binary to measure")
    parser.add_argument("--latency-tool", default=None,
                        help="the wscenario-latency binary (default: beside --wscenario)")
    parser.add_argument("--python", default=sys.executable, help="the Python with picows, websockets, ...")
    parser.add_argument("--smoke", action="store_true", help="tiny counts, one run, one placement")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workloads", default="abcdefg")
    parser.add_argument("--placements", default="pinned,unpinned")
    parser.add_argument("--servers", default="picows,wscenario")
    parser.add_argument("--server-workloads", default="abc", help="workloads also run against `wscenario serve`")
    parser.add_argument("--clients", default="wscenario," + ",".join(clients_registry.PEERS))
    parser.add_argument("--out", default=None, help="directory for results.json and results.md")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--quiet-wait", type=float, default=240,
                        help="before each measurement, wait up to this many seconds for other processes to go quiet")
    arguments = parser.parse_args()
    if arguments.smoke:
        arguments.runs, arguments.placements, arguments.timeout, arguments.quiet_wait = 1, "unpinned", 60, 0
    if arguments.latency_tool is None:
        arguments.latency_tool = os.path.join(os.path.dirname(arguments.wscenario), "wscenario-latency")
    return arguments


def latency_figures(tool, source):
    """Round-trip latency figures (µs: p50, p99, p999, max, mean, and count) from `wscenario-latency`, the one
    HdrHistogram-based tool used for every client. SOURCE: ["--samples", FILE] or ["--transcript", FILE]."""
    result = subprocess.run([tool] + source, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"wscenario-latency {' '.join(source)}: exit {result.returncode}: "
                           f"{result.stderr.strip()[-300:]}")
    return json.loads(result.stdout)


def run_client(client, name, parameters, server, arguments, work):
    """One measurement: returns a result record (figures, or an error)."""
    kind = parameters["kind"]
    record = {"client": client, "workload": name, "kind": kind}
    transcripts = os.path.join(work, "transcripts")
    shutil.rmtree(transcripts, ignore_errors=True)
    # Round-trip latency is reported for (a), sequential, only: the peers write their samples here.
    latencies = os.path.join(work, "latencies.txt") if kind == "seq" else None
    if latencies and os.path.exists(latencies):
        os.remove(latencies)
    if client == "wscenario":
        if kind == "check":
            command = [arguments.wscenario, "check", os.path.join(work, "suite")]
        else:
            path = os.path.join(work, "suite") if kind == "suite" else os.path.join(work, "scenarios", kind)
            if kind != "suite":
                path = os.path.join(path, wscenario_workloads.TEMPLATE_FILES[kind] + ".yaml")
            command = [arguments.wscenario, "run", path, "--var", f"server={server.url}", "--quiet",
                       "--transcripts", transcripts]
            if kind == "suite":
                command += ["--jobs", str(os.cpu_count())]
    else:
        command = clients_registry.peer_command(client, arguments.python, kind, parameters, server.url)
        if latencies:
            command += ["--latencies", latencies]
    env = dict(os.environ, NODE_PATH="/usr/share/nodejs")
    measure.wait_for_quiet(arguments.quiet_wait, [server.process.pid, os.getpid()], server.placement)
    outcome = measure.run_measured(command, server.placement, arguments.timeout, env, server.process.pid)
    record.update(wall=outcome["wall"], cpu=outcome["cpu"], max_rss_kib=outcome["max_rss_kib"],
                  other_load=round(outcome["other_load"], 3))
    if outcome["timed_out"] or outcome["returncode"] != 0:
        reason = "timed out" if outcome["timed_out"] else f"exit {outcome['returncode']}"
        record["error"] = f"{reason}: {(outcome['stderr'] or outcome['stdout'])[-400:].strip()}"
        return record
    try:
        if client != "wscenario":
            figures = json.loads(outcome["stdout"].strip().splitlines()[-1])
            record.update(elapsed=figures["elapsed"], messages=figures["messages"], bytes=figures["bytes"])
            if latencies:
                record["latency_us"] = latency_figures(arguments.latency_tool, ["--samples", latencies])
        elif kind in ("suite", "check"):
            record.update(elapsed=outcome["wall"], messages=parameters["total"], bytes=0)
        else:
            elapsed, transcript = wscenario_workloads.transcript_figures(transcripts, kind)
            messages = parameters.get("count", parameters.get("conns", 0) * parameters.get("rounds", 0))
            record.update(elapsed=elapsed, messages=messages, bytes=messages * parameters.get("size", 0))
            if kind == "idle":
                record.update(messages=0, bytes=0)
            if latencies:
                record["latency_us"] = latency_figures(arguments.latency_tool, ["--transcript", transcript])
    except Exception as error:  # a malformed result is reported, not fatal
        record["error"] = f"unreadable result: {error}"
    finally:
        shutil.rmtree(transcripts, ignore_errors=True)
        if latencies and os.path.exists(latencies):
            os.remove(latencies)
    return record


def prepare(workloads, work):
    for name, parameters in workloads.items():
        kind = parameters["kind"]
        if kind in ("suite", "check"):
            if not os.path.isdir(os.path.join(work, "suite")):
                wscenario_workloads.write_suite(parameters["total"], os.path.join(work, "suite"))
        else:
            wscenario_workloads.write_scenario(kind, parameters, os.path.join(work, "scenarios", kind))


def main():
    arguments = parse_arguments()
    table = SMOKE if arguments.smoke else FULL
    workloads = {name: table[name] for name in arguments.workloads if name in table}
    clients = [client for client in arguments.clients.split(",") if client]
    if "node-ws" in clients and not clients_registry.node_ws_available():
        print("bench: node or /usr/share/nodejs/ws missing (apt-get install -y node-ws): skipping node-ws",
              file=sys.stderr)
        clients.remove("node-ws")
    work = tempfile.mkdtemp(prefix="wscenario-bench.")
    out = arguments.out or work
    os.makedirs(out, exist_ok=True)
    prepare(workloads, work)
    records = []
    started = time.time()
    try:
        for run in range(1, arguments.runs + 1):
            for placement in arguments.placements.split(","):
                for server_kind in arguments.servers.split(","):
                    names = [name for name in workloads
                             if (placement == "unpinned" or name not in PLACEMENT_FREE)
                             and (server_kind == "picows" or name in arguments.server_workloads)]
                    if not names:
                        continue
                    server = measure.EchoServer(server_kind, placement, arguments.python, arguments.wscenario,
                                                os.path.join(work, f"server-{server_kind}.log"))
                    try:
                        for name in names:
                            for client in clients:
                                kind = workloads[name]["kind"]
                                if kind in ("suite", "check") and client != "wscenario":
                                    continue
                                if not clients_registry.supports(client, kind):
                                    continue
                                record = run_client(client, name, workloads[name], server, arguments, work)
                                record.update(run=run, placement=placement, server=server_kind)
                                records.append(record)
                                print(report.one_line(record), file=sys.stderr, flush=True)
                        records.append({"server_rss": True, "run": run, "placement": placement,
                                        "server": server_kind, "max_rss_kib": server.max_rss_kib})
                    finally:
                        server.stop()
    finally:
        context = report.context(arguments, started, time.time())
        with open(os.path.join(out, "results.json"), "w") as file:
            json.dump({"context": context, "workloads": workloads, "records": records}, file, indent=1)
        markdown = report.markdown(context, workloads, records)
        with open(os.path.join(out, "results.md"), "w") as file:
            file.write(markdown)
        print(markdown)
        print(f"bench: results in {out}", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True) if arguments.out else None
    failures = [record for record in records if "error" in record]
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
