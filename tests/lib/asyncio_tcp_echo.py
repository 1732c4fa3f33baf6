# asyncio's start_server and open_connection over real sockets on the
# loopback: an echo server and three clients in one program (two at once,
# one with an 8 KB line), the server closed, a connection refused.
# Compared with python3, whose asyncio prints the same.
import asyncio
import errno
import random

PORT = None
log = []  # printed in order when the tasks that run at once are done


# Waits (at most 5 s) until the server has seen n clients close, then
# prints the log sorted.
async def flush(n):
    for _ in range(1000):
        if sum(1 for line in log if "closed" in line) >= n:
            break
        await asyncio.sleep(0.005)
    for line in sorted(log):
        print(line)
    log.clear()


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    log.append("server: connection from " + peer[0])
    n = 0
    while True:
        line = await reader.readline()
        if not line:
            break
        n += len(line)
        writer.write(line.upper())
        await writer.drain()
    log.append("server: client closed after %d bytes" % n)
    writer.close()
    await writer.wait_closed()


async def client(name, lines):
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    for line in lines:
        writer.write(line)
        await writer.drain()
        reply = await reader.readline()
        if len(reply) > 40:
            reply = reply[:20] + b"..." + reply[-10:]
        log.append("%s got %r" % (name, reply))
    writer.close()
    await writer.wait_closed()


async def start():
    global PORT
    while True:
        PORT = random.randrange(20000, 60000)
        try:
            return await asyncio.start_server(handle, "127.0.0.1", PORT)
        except OSError as e:
            if e.errno != errno.EADDRINUSE:
                raise


async def main():
    server = await start()
    await client("a", [b"hello\n", b"world\n"])
    await flush(1)
    big = b"x" * 8000 + b"\n"
    await asyncio.gather(client("b", [b"one\n", big]), client("c", [b"two\n"]))
    await flush(2)
    server.close()
    await server.wait_closed()
    print("server closed")
    # Nothing listens now: the non-blocking connect fails, and the stream
    # says so at its first read.
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
        await reader.read(10)
        print("connected to a closed server?")
    except OSError as e:
        print("after close:", errno.errorcode[e.errno])


asyncio.run(main())
