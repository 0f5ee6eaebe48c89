#!/usr/bin/env python3
"""Benchmark client on `websocket-client` (synchronous; idle connections are opened one by one). See common.py."""
import time

import websocket
from common import binary_payload, fail, parse_arguments, report, text_payload


def open_connection(url):
    connection = websocket.WebSocket(skip_utf8_validation=False)
    connection.connect(url, timeout=30)
    return connection


def round_trips(connection, payload, count, binary, latencies=None):
    opcode = websocket.ABNF.OPCODE_BINARY if binary else websocket.ABNF.OPCODE_TEXT
    for _ in range(count):
        sent_at = time.perf_counter_ns()
        connection.send(payload, opcode)
        echo = connection.recv()
        if latencies is not None:
            latencies.append(time.perf_counter_ns() - sent_at)
        if echo != payload:
            fail("echo differs from what was sent")


def main():
    arguments = parse_arguments()
    workload = arguments.workload
    if workload in ("seq", "pipe", "big"):
        binary = workload == "big"
        payload = binary_payload(arguments.size) if binary else text_payload(arguments.size)
        connection = open_connection(arguments.url)
        latencies = [] if workload == "seq" else None
        began = time.perf_counter()
        if workload == "pipe":
            for _ in range(arguments.count):
                connection.send(payload)
            for _ in range(arguments.count):
                connection.recv()
        else:
            round_trips(connection, payload, arguments.count, binary, latencies)
        elapsed = time.perf_counter() - began
        connection.close()
        report(elapsed, arguments.count, arguments.count * arguments.size, latencies, arguments.latencies)
    elif workload == "conns":
        payload = text_payload(arguments.size)
        began = time.perf_counter()
        for _ in range(arguments.conns):
            connection = open_connection(arguments.url)
            round_trips(connection, payload, arguments.rounds, False)
            connection.close()
        elapsed = time.perf_counter() - began
        total = arguments.conns * arguments.rounds
        report(elapsed, total, total * len(payload))
    else:
        began = time.perf_counter()
        connections = [open_connection(arguments.url) for _ in range(arguments.conns)]
        elapsed = time.perf_counter() - began
        time.sleep(arguments.hold)
        for connection in connections:
            connection.close()
        report(elapsed, 0, 0)


if __name__ == "__main__":
    main()
