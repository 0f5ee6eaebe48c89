#!/usr/bin/env python3
"""Benchmark client on Python `websockets` (asyncio API, no compression). See common.py."""
import asyncio
import time

from common import binary_payload, fail, parse_arguments, report, text_payload
from websockets.asyncio.client import connect


def open_connection(url):
    return connect(url, compression=None, max_size=None, ping_interval=None, open_timeout=30)


async def round_trips(websocket, payload, count, latencies=None):
    for _ in range(count):
        sent_at = time.perf_counter_ns()
        await websocket.send(payload)
        echo = await websocket.recv()
        if latencies is not None:
            latencies.append(time.perf_counter_ns() - sent_at)
        if echo != payload:
            fail("echo differs from what was sent")


async def main():
    arguments = parse_arguments()
    workload = arguments.workload
    if workload in ("seq", "pipe", "big"):
        payload = binary_payload(arguments.size) if workload == "big" else text_payload(arguments.size)
        async with open_connection(arguments.url) as websocket:
            latencies = [] if workload == "seq" else None
            began = time.perf_counter()
            if workload == "pipe":
                for _ in range(arguments.count):
                    await websocket.send(payload)
                for _ in range(arguments.count):
                    await websocket.recv()
            else:
                await round_trips(websocket, payload, arguments.count, latencies)
            elapsed = time.perf_counter() - began
        size = len(payload) if isinstance(payload, bytes) else len(payload.encode())
        report(elapsed, arguments.count, arguments.count * size, latencies, arguments.latencies)
    elif workload == "conns":
        payload = text_payload(arguments.size)
        began = time.perf_counter()
        for _ in range(arguments.conns):
            async with open_connection(arguments.url) as websocket:
                await round_trips(websocket, payload, arguments.rounds)
        elapsed = time.perf_counter() - began
        total = arguments.conns * arguments.rounds
        report(elapsed, total, total * len(payload))
    else:
        began = time.perf_counter()
        sockets = []
        for start in range(0, arguments.conns, 500):
            count = min(arguments.conns, start + 500) - start
            sockets.extend(await asyncio.gather(*(open_connection(arguments.url) for _ in range(count))))
        elapsed = time.perf_counter() - began
        await asyncio.sleep(arguments.hold)
        await asyncio.gather(*(websocket.close() for websocket in sockets))
        report(elapsed, 0, 0)


if __name__ == "__main__":
    asyncio.run(main())
