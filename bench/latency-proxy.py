# A TCP proxy that delays every chunk by DELAY seconds in each direction: a database "over a network" on a machine
# without one (no netem here). Usage: python3 bench/latency-proxy.py 0.0005 6543 5432
# then point a tool at 127.0.0.1:6543, e.g. bench/run --pg jdbc:postgresql://127.0.0.1:6543/ --engines postgresql
# The delay is a floor, not exact: the event loop adds its own scheduling time.
import asyncio, sys
DELAY = float(sys.argv[1]); LISTEN = int(sys.argv[2]); TARGET = ('127.0.0.1', int(sys.argv[3]))

async def pipe(reader, writer):
    loop = asyncio.get_running_loop()
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            due = loop.time() + DELAY
            await asyncio.sleep(max(0, due - loop.time()))
            writer.write(data)
            await writer.drain()
    except Exception:
        pass
    finally:
        try:
            writer.close()
        except Exception:
            pass

async def handle(cr, cw):
    sr, sw = await asyncio.open_connection(*TARGET)
    await asyncio.gather(pipe(cr, sw), pipe(sr, cw))

async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', LISTEN)
    async with server:
        await server.serve_forever()

asyncio.run(main())
