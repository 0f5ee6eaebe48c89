"""Rendering the benchmark scenario templates (benchmarks/scenarios/*.tmpl) and reading wscenario's loop time back
from its transcript (round-trip latency is computed from the same transcript by `wscenario-latency`)."""
import base64
import glob
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TEMPLATES = os.path.join(ROOT, "benchmarks", "scenarios")

# Which top-level steps make up the measured loop, per workload (first step index, last step index or -1).
LOOP_STEPS = {"seq": (1, 1), "pipe": (1, 2), "big": (1, 1), "conns": (0, 0), "idle": (0, -1)}
TEMPLATE_FILES = {"seq": "sequential", "pipe": "pipelined", "big": "binary", "conns": "connections",
                  "idle": "idle"}


def render(template, values):
    with open(os.path.join(TEMPLATES, template + ".yaml.tmpl")) as source:
        text = source.read()
    text = re.sub(r"\{\{(\w+)\}\}", lambda match: str(values[match.group(1)]), text)
    return text


def text_payload(size):
    return ("0123456789abcdef" * (size // 16 + 1))[:size]


def write_scenario(workload, parameters, directory):
    """Renders the scenario for WORKLOAD (seq, pipe, big, conns, idle) into DIRECTORY; returns its path."""
    os.makedirs(directory, exist_ok=True)
    values = dict(parameters)
    values["text"] = text_payload(parameters.get("size", 32))
    if workload == "big":
        payload = (bytes(range(256)) * (parameters["size"] // 256 + 1))[:parameters["size"]]
        with open(os.path.join(directory, "payload.bin"), "wb") as file:
            file.write(payload)
        values["payload_base64"] = base64.b64encode(payload).decode()
    if workload == "idle":
        values["connects"] = "\n".join(
            f'  - connect: {{ as: c{index}, url: "${{server}}/echo" }}' for index in range(1, parameters["conns"] + 1))
        values["hold"] = f'{parameters["hold"]}s'
    path = os.path.join(directory, TEMPLATE_FILES[workload] + ".yaml")
    with open(path, "w") as file:
        file.write(render(TEMPLATE_FILES[workload], values))
    return path


def write_suite(total, directory):
    """Writes TOTAL tiny scenario files (workloads f and g) into DIRECTORY."""
    os.makedirs(directory, exist_ok=True)
    for index in range(1, total + 1):
        with open(os.path.join(directory, f"tiny-{index:05d}.yaml"), "w") as file:
            file.write(render("tiny", {"index": index, "total": total}))


def transcript_figures(transcripts_dir, workload):
    """Returns (loop seconds, the path of the single .jsonl transcript) for a run of WORKLOAD's scenario."""
    paths = glob.glob(os.path.join(transcripts_dir, "**", "*.jsonl"), recursive=True)
    if len(paths) != 1:
        raise RuntimeError(f"expected one transcript, found {len(paths)}")
    first, last = LOOP_STEPS[workload]
    began = ended = None
    top_level_ends = []
    with open(paths[0]) as transcript:
        for line in transcript:
            event = json.loads(line)
            kind, step = event["event"], str(event.get("step", ""))  # top-level steps: 3 or "3"
            top = step.split(".")[0]
            if kind == "step_start" and step == str(first) and began is None:
                began = event["t"]
            elif kind == "step_end" and "." not in step:
                top_level_ends.append(event["t"])
                if last == -1 or top == str(last):
                    ended = event["t"]
            if kind == "step_end" and event.get("status") == "failed":
                raise RuntimeError(f"step {step} failed: {event.get('message')}")
    if began is None or ended is None:
        raise RuntimeError("transcript lacks the loop's step events")
    if last == -1:
        ended = top_level_ends[-2]  # the last connect; the wait that follows is not part of the loop
    return ended - began, paths[0]
