#!/usr/bin/env python3
"""Benchmark client on picows (frame-level, callback driven: the fastest Python client). See common.py."""
import asyncio
import time

from common import binary_payload, fail, parse_arguments, report, text_payload
from picows import WSFrame, WSListener, WSMsgType, WSCloseCode, ws_connect


class RoundTrips(WSListener):
    """Sends a message, and from each echo's callback the next one, until `remaining` reaches 0."""

    def __init__(self, kind, payload, count, pipelined=False, record=False):
        self.kind, self.payload, self.remaining, self.pipelined = kind, payload, count, pipelined
        self.latencies = [] if record else None
        self.done = asyncio.get_running_loop().create_future()
        self.sent_at = 0
        self.transport = None

    def on_ws_connected(self, transport):
        self.transport = transport

    def start(self):
        if self.pipelined:
            for _ in range(self.remaining):
                self.transport.send(self.kind, self.payload)
        else:
            self.sent_at = time.perf_counter_ns()
            self.transport.send(self.kind, self.payload)

    def on_ws_frame(self, transport, frame: WSFrame):
        if frame.msg_type not in (WSMsgType.TEXT, WSMsgType.BINARY):
            return
        if not self.pipelined:
            if self.latencies is not None:
                self.latencies.append(time.perf_counter_ns() - self.sent_at)
            if frame.get_payload_as_bytes() != self.payload:
                self.done.set_exception(RuntimeError("echo differs from what was sent"))
                return
        self.remaining -= 1
        if self.remaining == 0:
            self.done.set_result(None)
        elif not self.pipelined:
            self.sent_at = time.perf_counter_ns()
            transport.send(self.kind, self.payload)

    def on_ws_disconnected(self, transport):
        if not self.done.done():
            self.done.set_exception(RuntimeError("disconnected early"))


async def close(transport):
    transport.send_close(WSCloseCode.OK)
    await asyncio.wait_for(transport.wait_disconnected(), 10)


async def main():
    arguments = parse_arguments()
    workload = arguments.workload
    if workload in ("seq", "pipe", "big"):
        binary = workload == "big"
        kind = WSMsgType.BINARY if binary else WSMsgType.TEXT
        payload = binary_payload(arguments.size) if binary else text_payload(arguments.size).encode()
        transport, listener = await ws_connect(
            lambda: RoundTrips(kind, payload, arguments.count, workload == "pipe", workload == "seq"), arguments.url)
        began = time.perf_counter()
        listener.start()
        await asyncio.wait_for(listener.done, 600)
        elapsed = time.perf_counter() - began
        await close(transport)
        report(elapsed, arguments.count, arguments.count * len(payload), listener.latencies, arguments.latencies)
    elif workload == "conns":
        payload = text_payload(arguments.size).encode()
        began = time.perf_counter()
        for _ in range(arguments.conns):
            transport, listener = await ws_connect(
                lambda: RoundTrips(WSMsgType.TEXT, payload, arguments.rounds), arguments.url)
            listener.start()
            await asyncio.wait_for(listener.done, 60)
            await close(transport)
        elapsed = time.perf_counter() - began
        total = arguments.conns * arguments.rounds
        report(elapsed, total, total * len(payload))
    else:
        began = time.perf_counter()
        transports = []
        for start in range(0, arguments.conns, 500):
            batch = range(start, min(arguments.conns, start + 500))
            opened = await asyncio.gather(*(ws_connect(WSListener, arguments.url) for _ in batch))
            transports.extend(transport for transport, _ in opened)
        elapsed = time.perf_counter() - began
        await asyncio.sleep(arguments.hold)
        if any(transport.is_disconnected for transport in transports):
            fail("an idle connection was dropped")
        await asyncio.gather(*(close(transport) for transport in transports))
        report(elapsed, 0, 0)


if __name__ == "__main__":
    asyncio.run(main())
