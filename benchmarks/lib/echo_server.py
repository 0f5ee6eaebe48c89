#!/usr/bin/env python3
"""A frame-level picows echo server on 127.0.0.1 for benchmarks/run.

Echoes every text, binary and continuation frame back unchanged (fragmented messages stay fragmented),
answers pings, and answers a close with the same close (an empty close with an empty close).
Prints "listening PORT" on stdout once ready; runs until SIGTERM/SIGINT.

Usage: echo_server.py [--port 0]
"""
import asyncio
import resource
import signal
import sys


def raise_file_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


async def main(port):
    from picows import WSFrame, WSListener, WSMsgType, ws_create_server

    class Echo(WSListener):
        def on_ws_frame(self, transport, frame: WSFrame):
            kind = frame.msg_type
            if kind in (WSMsgType.TEXT, WSMsgType.BINARY, WSMsgType.CONTINUATION):
                transport.send(kind, frame.get_payload_as_memoryview(), frame.fin)
            elif kind == WSMsgType.PING:
                transport.send_pong(frame.get_payload_as_bytes())
            elif kind == WSMsgType.CLOSE:
                payload = frame.get_payload_as_bytes()
                if len(payload) >= 2:
                    transport.send_close(frame.get_close_code(), frame.get_close_message())
                else:
                    transport.send(WSMsgType.CLOSE, b"")
                transport.disconnect()

    server = await ws_create_server(lambda _: Echo(), "127.0.0.1", port, backlog=4096)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, stop.set)
    print("listening", server.sockets[0].getsockname()[1], flush=True)
    await stop.wait()
    server.close()


if __name__ == "__main__":
    raise_file_limit()
    chosen = int(sys.argv[sys.argv.index("--port") + 1]) if "--port" in sys.argv else 0
    asyncio.run(main(chosen))
