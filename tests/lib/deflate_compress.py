# deflate.DeflateIO writing: compression in the RAW, ZLIB and GZIP formats.
# Checked three ways: the exact bytes of small inputs, worked out by hand
# from RFC 1951's fixed codes (and turned back into the input by CPython:
#     python3 -c "import zlib; print(zlib.decompress(bytes.fromhex('4b840300'), -15))");
# the containers' headers and trailers, whose checksums were computed by
# CPython's zlib.adler32 and zlib.crc32; and decompression by DeflateIO.
import deflate

TEXT = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(12))
TEXT_ADLER32 = 0x54EADC8D
TEXT_CRC32 = 0x2531C236


class Writer:
    """A stream written in Python, collecting what is written."""

    def __init__(self):
        self.data = bytearray()

    def write(self, b):
        self.data += b

    def close(self):
        print("closed")

    def value(self):
        return bytes(self.data)


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos)
        buf[0:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


def compress(data, *args):
    w = Writer()
    d = deflate.DeflateIO(w, *args)
    d.write(data)
    d.close()
    return w.value()


def inflate(data, *args):
    return deflate.DeflateIO(Reader(data), *args).read()


# ---- exact output: a fixed-code block ----
print(compress(b"a" * 10, deflate.RAW).hex())          # literal, match (9, 1), end
print(compress(b"abcabc", deflate.RAW).hex())          # three literals, match (3, 3), end
print(compress(b"abcabc", deflate.AUTO).hex())         # AUTO writes raw
print(compress(b"abcabc", deflate.ZLIB).hex())         # header, block, Adler-32
print(compress(b"abcabc", deflate.GZIP).hex())         # header, block, CRC-32, length
print(compress(b"", deflate.ZLIB).hex())               # an empty block
print(compress(b"", deflate.RAW).hex())

# ---- headers: the window in the zlib header (at least 512 bytes) ----
for wbits in (0, 5, 8, 9, 10, 12):
    print(wbits, compress(b"x", deflate.ZLIB, wbits)[:2].hex())

# ---- trailers and round trips ----
for wbits in (0, 9, 10):
    z = compress(TEXT, deflate.ZLIB, wbits)
    print(wbits, z[-4:] == TEXT_ADLER32.to_bytes(4, "big"), inflate(z) == TEXT, len(z) < len(TEXT) // 2)
    g = compress(TEXT, deflate.GZIP, wbits)
    print(g[:10] == b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
          g[-8:] == TEXT_CRC32.to_bytes(4, "little") + len(TEXT).to_bytes(4, "little"),
          inflate(g, deflate.GZIP, wbits or 8) == TEXT)
    r = compress(TEXT, deflate.RAW, wbits)
    print(inflate(r, deflate.RAW, wbits or 8) == TEXT, r == z[2:-4], r == g[10:-8])
z = compress(TEXT, deflate.ZLIB, 5)     # a window of 32 bytes: the lines are 54 apart
print(inflate(z) == TEXT, len(z) > len(TEXT) * 3 // 4)

# ---- data in many writes: matches reach back into earlier writes, but
# do not extend past the data of the write (with one byte a write, no
# match is ever found, as with MicroPython's compressor) ----
for size in (1, 7, 100):
    w = Writer()
    d = deflate.DeflateIO(w, deflate.ZLIB)
    for i in range(0, len(TEXT), size):
        d.write(memoryview(TEXT)[i:i + size])
    d.close()
    z = w.value()
    print(size, inflate(z) == TEXT, len(z) < len(TEXT) * 3 // 4)
runs = b"a" * 1000 + bytes(range(256)) + b"b" * 2000
z = compress(runs, deflate.ZLIB, 8)
print(len(z) < 400, inflate(z) == runs)
noise = bytes((i * 7919 + i * i * 31) & 0xFF for i in range(1000))
z = compress(noise, deflate.ZLIB, 10)
print(inflate(z) == noise, len(z) < 1200)    # no match to find: 8 or 9 bits a byte

# ---- the stream protocol ----
w = Writer()
d = deflate.DeflateIO(w, deflate.RAW, 0, True)   # close=True closes the stream too
print(d.write(b"abc"), d.write(bytearray(b"abc")), d.write(b""))
d.close()
d.close()
print(w.value().hex())
try:
    d.write(b"more")
except OSError as e:
    print("OSError", e.errno)
w = Writer()
with deflate.DeflateIO(w, deflate.ZLIB) as d:
    d.write(b"abcabc")
print(w.value().hex())
w = Writer()
deflate.DeflateIO(w, deflate.GZIP).close()     # nothing written: no output at all
print(w.value())
w = Writer()
d = deflate.DeflateIO(w, deflate.ZLIB)
d.write(b"abc")
print(w.value().hex())                          # whole bytes go out at each write
d.write(b"abc")
d.close()
print(w.value().hex())


class Partial(Writer):
    """Writes at most 3 bytes a call, saying so."""

    def write(self, b):
        self.data += b[:3]
        return min(3, len(b))


p = Partial()
d = deflate.DeflateIO(p, deflate.GZIP)
d.write(TEXT)
d.close()
print(inflate(p.value(), deflate.GZIP, 8) == TEXT)
