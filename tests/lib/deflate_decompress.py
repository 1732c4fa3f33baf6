# deflate.DeflateIO reading: data compressed by CPython's zlib module (the
# vectors below, made with zlib.compressobj and the window sizes noted),
# decompressed whole, in pieces, by line, in every format.
import deflate

TEXT = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(12))

# zlib, dynamic Huffman codes, window 512 (94 bytes)
ZLIB_DYNAMIC = (
    b'\x18\xd3\x9d\xcb\xc9\x15@0\x14\x05\xd0\xbd*~\t\x89\x99n\x0cA\x88|SL'
    b'\xd5;t\xe0\xad\xef\xb9F[E"\xa7\xadS4;]\rT.|Xj\xf8'
    b'\xa4\xde\x8d\xd3J\xbc\xab\xe5cS\xdc\x17\xd5\xdcz\xe6=\x128>p\x02\xe0\x84'
    b"\xc0\x89\x80\x13\x03'\x01N\n\x9c\x0c8R I\xfeK\x0fT\xea\xdc\x8d"
)
# zlib, a stored block (111 bytes)
ZLIB_STORED = (
    b'\x18\x19\x01d\x00\x9b\xffline 0: the quick'
    b' brown fox jumps over th'
    b'e lazy dog\nline 1: the q'
    b'uick brown fox jumps ove'
    b'r the lazy \xef\xfa#h'
)
# zlib, fixed Huffman codes (70 bytes)
ZLIB_FIXED = (
    b'\x18\x19\xcb\xc9\xccKU0\xb0R(\xc9HU(,\xcdL\xceVH*\xca/'
    b'\xcfSH\xcb\xafP\xc8*\xcd-(V\xc8/K-\x02K\xe7$VU*\xa4'
    b'\xe4\xa7s\xe5\x80\xf4\x18\x92\xa1\xc7\x88\x0c=\xc6\xc4\xe9\x01\x00\xa7zF\xa3'
)
# gzip (106 bytes)
GZIP = (
    b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\x9d\xcb\xc9\x15@0\x14\x05\xd0\xbd*~\t\x89'
    b'\x99n\x0cA\x88|SL\xd5;t\xe0\xad\xef\xb9F[E"\xa7\xadS4;'
    b']\rT.|Xj\xf8\xa4\xde\x8d\xd3J\xbc\xab\xe5cS\xdc\x17\xd5\xdcz\xe6'
    b"=\x128>p\x02\xe0\x84\xc0\x89\x80\x13\x03'\x01N\n\x9c\x0c8R I\xfe"
    b'K\x0f6\xc21%r\x02\x00\x00'
)
# gzip with extra field, name, comment and header CRC (108 bytes)
GZIP_FIELDS = (
    b'\x1f\x8b\x08\x1e\x01\x02\x03\x04\x00\x03\x03\x00abcname\x00comm'
    b'ent\x00Ln\xcb\xc9\xccKU0\xb0R(\xc9HU(,\xcdL\xceV'
    b'H*\xca/\xcfSH\xcb\xafP\xc8*\xcd-(V\xc8/K-\x02K\xe7$'
    b'VU*\xa4\xe4\xa7s\xe5\x80\xf4\x18\x92\xa1\xc7\x88\x0c=\xc6d\xe81!C\x8f'
    b')a=\x00\x14.\xb1L,\x01\x00\x00'
)
# raw deflate, window 512 (88 bytes)
RAW = (
    b'\x9d\xcb\xc9\x15@0\x14\x05\xd0\xbd*~\t\x89\x99n\x0cA\x88|SL\xd5;'
    b't\xe0\xad\xef\xb9F[E"\xa7\xadS4;]\rT.|Xj\xf8\xa4\xde'
    b'\x8d\xd3J\xbc\xab\xe5cS\xdc\x17\xd5\xdcz\xe6=\x128>p\x02\xe0\x84\xc0\x89'
    b"\x80\x13\x03'\x01N\n\x9c\x0c8R I\xfeK\x0f"
)
# zlib, several blocks (full flushes: empty stored blocks) (212 bytes)
ZLIB_BLOCKS = (
    b'(\x91\xca\xc9\xccKU0\xb0R(\xc9HU(,\xcdL\xceVH*\xca/'
    b'\xcfSH\xcb\xafP\xc8*\xcd-(V\xc8/K-\x02K\xe7$VU*\xa4'
    b'\xe4\xa7s\xe5\x80\xf4\x18\x12\xaf\x07\x00\x00\x00\xff\xff\x00\x00\x00\xff\xffJ\xc9O\xe7'
    b'\xca\xc9\xccKU0\xb2R(\xc9HU(,\xcdL\xceVH*\xca/\xcfS'
    b'H\xcb\xafP\xc8*\xcd-(V\xc8/K-\x02K\xe7$VU*\xa4\xc0\xf4'
    b'\x18\x93\xa1\xc7\x84\x0c=\xa6d\xe81#C\x8f9~=\x00\x00\x00\x00\xff\xffK'
    b'-R(\xc9HU\xc8I\xac\xaaTH\xc9O\xe7\xca\xc9\xccKU\xb0\xb0\x02\x0b'
    b'\x16\x96f&g+$\x15\xe5\x97\xe7)\xa4\xe5W(d\x95\xe6\x16\x14+\xe4\x97'
    b'\xa5b\xd3cI\x86\x1eC\x03r4\x19\x92\xa6\t\x00T\xea\xdc\x8d'
)
# zlib whose header asks for a 32 KiB window (76 bytes)
ZLIB_WINDOW_32K = (
    b'x\x9c\xcb\xc9\xccKU0\xb0R(\xc9HU(,\xcdL\xceVH*\xca/'
    b'\xcfSH\xcb\xafP\xc8*\xcd-(V\xc8/K-\x02K\xe7$VU*\xa4'
    b'\xe4\xa7s\xe5\x80\xf4\x18\x92\xa1\xc7\x88\x0c=\xc6d\xe81!C\x8f)a=\x00'
    b'(Mi\xfd'
)
# zlib, long runs: matches of 258 bytes at distance 1 (19 bytes)
ZLIB_RUNS = (
    b'\x18\xd3KL\x1c\x05\xa3`\x14\x0cw\x90\x04\x07\x00\xdc\xe1~\xcc'
)
# zlib of no data (8 bytes)
ZLIB_EMPTY = (
    b'\x18\x95\x03\x00\x00\x00\x00\x01'
)
# ZLIB_DYNAMIC compressed again (zlib, window 512)
DOUBLE = (
    b'\x18\xd3\x01^\x00\xa1\xff\x18\xd3\x9d\xcb\xc9\x15@0\x14\x05\xd0\xbd*~\t\x89\x99'
    b'n\x0cA\x88|SL\xd5;t\xe0\xad\xef\xb9F[E"\xa7\xadS4;]'
    b'\rT.|Xj\xf8\xa4\xde\x8d\xd3J\xbc\xab\xe5cS\xdc\x17\xd5\xdcz\xe6='
    b"\x128>p\x02\xe0\x84\xc0\x89\x80\x13\x03'\x01N\n\x9c\x0c8R I\xfeK"
    b'\x0fT\xea\xdc\x8d\xbd\x9c)8'
)


class Reader:
    """A stream written in Python, reading from bytes."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos)
        buf[0:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


def inflate(data, *args):
    return deflate.DeflateIO(Reader(data), *args).read()


print(deflate.AUTO, deflate.RAW, deflate.ZLIB, deflate.GZIP)

# ---- whole ----
print(inflate(ZLIB_DYNAMIC) == TEXT, inflate(ZLIB_DYNAMIC, deflate.ZLIB) == TEXT)
print(inflate(ZLIB_DYNAMIC, deflate.ZLIB, 9) == TEXT, inflate(ZLIB_DYNAMIC, deflate.AUTO, 15) == TEXT)
print(inflate(ZLIB_STORED) == TEXT[:100])
print(inflate(ZLIB_FIXED, deflate.AUTO, 0) == TEXT[:200])
# A gzip header says nothing of the window: 32 KiB unless wbits says less.
print(inflate(GZIP, deflate.AUTO, 9) == TEXT, inflate(GZIP, deflate.GZIP, 9) == TEXT, inflate(GZIP, deflate.GZIP, 10) == TEXT)
print(inflate(GZIP_FIELDS, deflate.AUTO, 9) == TEXT[:300])
print(inflate(RAW, deflate.RAW, 9) == TEXT, inflate(RAW, deflate.RAW, 12) == TEXT)
print(inflate(ZLIB_BLOCKS) == TEXT)
print(inflate(ZLIB_WINDOW_32K, deflate.ZLIB, 9) == TEXT[:300])   # a smaller window than the header's
out = inflate(ZLIB_RUNS)
print(len(out), out == b"a" * 1000 + b"b" * 10)
print(inflate(ZLIB_EMPTY))
print(deflate.DeflateIO(deflate.DeflateIO(Reader(DOUBLE))).read() == TEXT)   # over a native stream

# ---- in pieces ----
d = deflate.DeflateIO(Reader(ZLIB_DYNAMIC))
print(d.read(10), d.read(1), d.read(0))
parts = []
while True:
    b = d.read(7)
    if not b:
        break
    parts.append(b)
print(b"".join(parts) == TEXT[11:], max(len(p) for p in parts), d.read(), d.read(5))
d = deflate.DeflateIO(Reader(ZLIB_RUNS))
n = 0
while d.read(1):              # matches split across reads
    n += 1
print(n)
d = deflate.DeflateIO(Reader(GZIP), deflate.GZIP, 9)
buf = bytearray(16)
print(d.readinto(buf), buf)
print(d.readinto(buf, 4), buf[:4])
total = 20
mv = memoryview(buf)
while True:
    n = d.readinto(mv[2:9])
    if n == 0:
        break
    total += n
print(total)

# ---- lines ----
d = deflate.DeflateIO(Reader(RAW), deflate.RAW, 9)
print(d.readline())
print(d.readline(5), d.readline())
lines = [d.readline() for i in range(10)]
print(lines[-1], d.readline())

# ---- what follows the compressed data is left in the stream ----
r = Reader(ZLIB_STORED + b"rest of the stream")
d = deflate.DeflateIO(r)
print(len(d.read()), r.data[r.pos:])
r = Reader(GZIP_FIELDS + b"!")
d = deflate.DeflateIO(r, deflate.GZIP, 9)
print(len(d.read()), r.data[r.pos:])

# ---- with and close ----
r = Reader(ZLIB_FIXED)
with deflate.DeflateIO(r) as d:
    print(d.read(4))
try:
    d.read()
except OSError as e:
    print("OSError", e.errno)
d.close()
print(r.pos < len(ZLIB_FIXED))


class Closing(Reader):
    def close(self):
        print("closed")


d = deflate.DeflateIO(Closing(ZLIB_FIXED), deflate.AUTO, 0, True)
print(d.read(4))
d.close()
d.close()
deflate.DeflateIO(Closing(ZLIB_FIXED), deflate.AUTO, 0, False).close()
