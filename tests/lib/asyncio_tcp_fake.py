# asyncio's open_connection and start_server, end to end over a fake
# `socket` module put in sys.modules: non-blocking sockets in memory that
# select.poll takes (through their ioctl method), as MicroPython's
# asyncio uses real ones.
import sys
import errno
import select
import asyncio


class FakeSocket:
    listeners = {}  # port -> listening socket

    def __init__(self, *args):
        self.inbuf = b""
        self.peer = None
        self.pending = []  # accepted connections, when listening
        self.closed = False
        self.log = []

    def setblocking(self, flag):
        self.log.append(("setblocking", flag))

    def setsockopt(self, level, opt, value):
        self.log.append(("setsockopt", level, opt, value))

    def bind(self, addr):
        self.addr = addr

    def listen(self, backlog):
        FakeSocket.listeners[self.addr[1]] = self

    def connect(self, addr):
        server_side = FakeSocket()
        server_side.peer = self
        self.peer = server_side
        FakeSocket.listeners[addr[1]].pending.append(server_side)
        raise OSError(errno.EINPROGRESS)

    def accept(self):
        return self.pending.pop(0), ("10.0.0.2", 5555)

    def ioctl(self, req, flags):
        if req != 3:
            return -errno.EINVAL
        r = 0
        readable = self.pending or self.inbuf or (self.peer is not None and self.peer.closed)
        if flags & select.POLLIN and readable:
            r |= select.POLLIN
        if flags & select.POLLOUT and self.peer is not None:
            r |= select.POLLOUT
        return r

    def read(self, n=-1):
        if not self.inbuf:
            return b"" if self.peer.closed else None
        if n < 0:
            n = len(self.inbuf)
        r = self.inbuf[:n]
        self.inbuf = self.inbuf[n:]
        return r

    def readline(self):
        i = self.inbuf.find(b"\n")
        return self.read(-1 if i < 0 else i + 1)

    def write(self, b):
        self.peer.inbuf += bytes(b)
        return len(b)

    def close(self):
        self.closed = True
        if self.pending is not None and hasattr(self, "addr"):
            del FakeSocket.listeners[self.addr[1]]


class socket_module:
    SOCK_STREAM = 1
    SOL_SOCKET = 1
    SO_REUSEADDR = 4
    socket = FakeSocket

    def getaddrinfo(host, port, af=0, type=0):
        return [(2, 1, 0, "", (host, port))]


sys.modules["socket"] = socket_module


async def handle(reader, writer):
    print("server: connection from", writer.get_extra_info("peername"))
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    print("server: client closed")
    writer.close()
    await writer.wait_closed()


async def client(port, n):
    reader, writer = await asyncio.open_connection("example", port)
    print("client connected", reader is writer, writer.s.log)
    for i in range(n):
        writer.write(b"line %d\n" % i)
        await writer.drain()
        print("client got", await reader.readline())
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "0.0.0.0", 80)
    listening = FakeSocket.listeners[80]
    print("listening", listening.log)
    await client(80, 2)
    await asyncio.sleep_ms(10)
    server.close()
    await server.wait_closed()
    print("server closed", listening.closed, 80 in FakeSocket.listeners)

    # A server in async with is closed at the end of the block.
    async with await asyncio.start_server(handle, "0.0.0.0", 81) as server:
        await client(81, 1)
        await asyncio.sleep_ms(10)
    print("async with closed", 81 in FakeSocket.listeners, server.task.done())

    # A connection to nothing raises what connect raises.
    try:
        await asyncio.open_connection("example", 99)
    except KeyError:
        print("KeyError: nothing listens")


asyncio.run(main())
