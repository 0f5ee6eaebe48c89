#!/usr/bin/env python3
# A fast WebSocket echo server on 127.0.0.1 for benchmarks/engine-throughput (picows; falls back to websockets).
# Prints "listening PORT" once ready.
import asyncio
import sys


async def main_picows():
    from picows import WSFrame, WSListener, WSMsgType, ws_create_server

    class Echo(WSListener):
        def on_ws_frame(self, transport, frame: WSFrame):
            if frame.msg_type == WSMsgType.CLOSE:
                transport.send_close(frame.get_close_code(), frame.get_close_message())
                transport.disconnect()
            elif frame.msg_type == WSMsgType.PING:
                transport.send_pong(frame.get_payload_as_bytes())
            elif frame.msg_type in (WSMsgType.TEXT, WSMsgType.BINARY):
                transport.send(frame.msg_type, frame.get_payload_as_memoryview())

    server = await ws_create_server(lambda _: Echo(), "127.0.0.1", 0)
    print("listening", server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


async def main_websockets():
    from websockets.asyncio.server import serve

    async def handler(ws):
        async for message in ws:
            await ws.send(message)

    async with serve(handler, "127.0.0.1", 0) as server:
        print("listening", server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    try:
        import picows  # noqa: F401
        asyncio.run(main_picows())
    except ImportError:
        asyncio.run(main_websockets())
