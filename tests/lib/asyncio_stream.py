# asyncio's Stream (StreamReader/StreamWriter) over objects select.poll
# takes: a pipe written in Python (a class with an ioctl method, as
# MicroPython allows) whose reads and writes return None when they would
# block, and io.BytesIO.
import asyncio
import io
import select


class Pipe:
    # Holds at most `room` bytes; eof() makes reads at the end give b"".
    def __init__(self, room):
        self.buf = b""
        self.room = room
        self.at_eof = False
        self.closed = False

    def ioctl(self, req, flags):
        if req != 3:  # only STREAM_POLL
            return -22
        r = 0
        if flags & select.POLLIN and (self.buf or self.at_eof):
            r |= select.POLLIN
        if flags & select.POLLOUT and len(self.buf) < self.room:
            r |= select.POLLOUT
        return r

    def eof(self):
        self.at_eof = True

    def read(self, n=-1):
        if not self.buf:
            return b"" if self.at_eof else None
        if n < 0:
            n = len(self.buf)
        r = self.buf[:n]
        self.buf = self.buf[n:]
        return r

    def readinto(self, b):
        r = self.read(len(b))
        if r is None:
            return None
        b[: len(r)] = r
        return len(r)

    # A line, or what there is when no line is complete yet.
    def readline(self):
        if not self.buf:
            return b"" if self.at_eof else None
        i = self.buf.find(b"\n")
        return self.read(len(self.buf) if i < 0 else i + 1)

    def write(self, b):
        n = min(len(b), self.room - len(self.buf))
        if n == 0:
            return None
        self.buf += bytes(b[:n])
        return n

    def close(self):
        self.closed = True


async def producer(w, chunks):
    for c in chunks:
        await asyncio.sleep_ms(5)
        w.write(c)
        await w.drain()


async def main():
    print(asyncio.StreamReader is asyncio.StreamWriter)
    # Lines arriving in pieces.
    p = Pipe(100)
    s = asyncio.StreamReader(p, {"peername": ("pipe", 1)})
    print(s.get_extra_info("peername"))
    asyncio.create_task(producer(s, [b"hel", b"lo\nwor", b"ld\n", b"tail"]))
    print(await s.readline())
    print(await s.readline())
    print(await s.readexactly(2))
    t = asyncio.create_task(s.read())

    async def end():
        await asyncio.sleep_ms(20)
        p.eof()

    asyncio.create_task(end())
    print("read to eof", await t)
    print("readline at eof", await s.readline())
    try:
        await s.readexactly(3)
    except EOFError:
        print("EOFError")

    # A writer faster than the reader: drain waits for room.
    p = Pipe(8)
    w = asyncio.StreamWriter(p)
    log = []

    async def reader():
        r = b""
        while len(r) < 30:
            await asyncio.sleep_ms(2)
            r += await w.read(5)
        log.append(r)

    rt = asyncio.create_task(reader())
    w.write(b"0123456789" * 3)
    print("kept for drain", len(w.out_buf))
    await w.drain()
    print("drained", w.out_buf)
    await rt
    print(log)

    # readinto and read(n).
    p = Pipe(100)
    s = asyncio.StreamReader(p)
    p.write(b"abcdefgh")
    buf = bytearray(3)
    print(await s.readinto(buf), buf)
    print(await s.read(2), await s.read(10))

    # The old uasyncio methods: awrite (with offset and size), awritestr.
    await s.awrite(b"xyz")
    await s.awrite(b"0123456789", 2, 3)
    await s.awritestr(b"!")
    print(p.buf)

    # async with closes through wait_closed; aclose too.
    async with asyncio.StreamWriter(p) as s2:
        print("in async with", p.closed)
    print("closed", p.closed)
    p.closed = False
    await s.aclose()
    print("aclose", p.closed)

    # io.BytesIO is always ready.
    s = asyncio.StreamReader(io.BytesIO(b"one\ntwo\nthree"))
    print(await s.readline(), await s.readline(), await s.read())


asyncio.run(main())
