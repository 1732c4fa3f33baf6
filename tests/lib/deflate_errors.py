# deflate.DeflateIO: wrong arguments, streams that are not, and corrupt or
# truncated data (OSError(EINVAL) and EOFError, as MicroPython's), ending
# with corrupted copies of good data, none of which may crash.
import deflate
import select

TEXT = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(12))

# zlib, dynamic codes, window 512, made by CPython's zlib (94 bytes)
ZLIB = (
    b'\x18\xd3\x9d\xcb\xc9\x15@0\x14\x05\xd0\xbd*~\t\x89\x99n\x0cA\x88|SL'
    b'\xd5;t\xe0\xad\xef\xb9F[E"\xa7\xadS4;]\rT.|Xj\xf8'
    b'\xa4\xde\x8d\xd3J\xbc\xab\xe5cS\xdc\x17\xd5\xdcz\xe6=\x128>p\x02\xe0\x84'
    b"\xc0\x89\x80\x13\x03'\x01N\n\x9c\x0c8R I\xfeK\x0fT\xea\xdc\x8d"
)
# gzip, dynamic codes, window 512, made by CPython's zlib (106 bytes)
GZIP = (
    b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\x9d\xcb\xc9\x15@0\x14\x05\xd0\xbd*~\t\x89'
    b'\x99n\x0cA\x88|SL\xd5;t\xe0\xad\xef\xb9F[E"\xa7\xadS4;'
    b']\rT.|Xj\xf8\xa4\xde\x8d\xd3J\xbc\xab\xe5cS\xdc\x17\xd5\xdcz\xe6'
    b"=\x128>p\x02\xe0\x84\xc0\x89\x80\x13\x03'\x01N\n\x9c\x0c8R I\xfe"
    b'K\x0f6\xc21%r\x02\x00\x00'
)
# raw, fixed codes, window 512 (matches 54 bytes back), made by CPython's zlib (64 bytes)
RAW = (
    b'\xcb\xc9\xccKU0\xb0R(\xc9HU(,\xcdL\xceVH*\xca/\xcfS'
    b'H\xcb\xafP\xc8*\xcd-(V\xc8/K-\x02K\xe7$VU*\xa4\xe4\xa7'
    b's\xe5\x80\xf4\x18\x92\xa1\xc7\x88\x0c=\xc6\xc4\xe9\x01\x00'
)


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos)
        buf[0:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


def error(f, *args):
    try:
        r = f(*args)
        print("no error", r if not isinstance(r, bytes) or len(r) < 20 else len(r))
    except Exception as e:
        print(type(e).__name__, e.args)


def inflate(data, *args):
    return deflate.DeflateIO(Reader(data), *args).read()


def bits(*fields):
    """Packs (value, n) fields the way DEFLATE does: values from their
    least significant bit; a Huffman code as (code, -n), from its most."""
    out = bytearray()
    acc = n_acc = 0
    for value, n in fields:
        if n < 0:
            n = -n
            value = int("{:0{}b}".format(value, n)[::-1], 2)
        acc |= value << n_acc
        n_acc += n
        while n_acc >= 8:
            out.append(acc & 0xFF)
            acc >>= 8
            n_acc -= 8
    if n_acc:
        out.append(acc)
    return bytes(out)


FIXED = ((1, 1), (1, 2))                 # the last block, fixed codes
DYNAMIC = ((1, 1), (2, 2))               # the last block, dynamic codes

# ---- arguments ----
error(deflate.DeflateIO, Reader(b""), 4)
error(deflate.DeflateIO, Reader(b""), -1)
error(deflate.DeflateIO, Reader(b""), deflate.RAW, 4)
error(deflate.DeflateIO, Reader(b""), deflate.RAW, 16)
error(deflate.DeflateIO, Reader(b""), "1")
error(lambda: deflate.DeflateIO(Reader(b""), format=deflate.RAW))
error(deflate.DeflateIO)
error(deflate.DeflateIO, 1, 2, 3, 4, 5)

# ---- streams that are not ----
error(deflate.DeflateIO(5).read)
error(deflate.DeflateIO(5).write, b"x")
error(deflate.DeflateIO(Reader(b"")).write, b"x")      # no write()
error(deflate.DeflateIO(object()).read, 1)
error(deflate.DeflateIO(Reader(ZLIB)).write, "text")


class Failing:
    def readinto(self, buf):
        raise ValueError("stream broke")

    def write(self, buf):
        raise ValueError("stream broke")


class NotReady:
    def readinto(self, buf):
        return None


d = deflate.DeflateIO(Failing())
error(d.read)
error(d.read)                 # a read that raised leaves the DeflateIO unusable
d = deflate.DeflateIO(Failing(), deflate.ZLIB)
error(d.write, b"x")
error(d.write, b"x")          # so does a write that raised
d.close()                     # and nothing more is written
error(deflate.DeflateIO(NotReady()).read)

# ---- headers ----
error(inflate, b"\x18\x94" + ZLIB[2:])                 # check bits wrong
error(inflate, b"\x17\x02" + ZLIB[2:])                 # method 7
error(inflate, b"\x88\x1c" + ZLIB[2:])                 # a window of 64 KiB
error(inflate, b"\x78\xbb" + ZLIB[2:])                 # a preset dictionary
error(inflate, GZIP, deflate.ZLIB)
error(inflate, ZLIB, deflate.GZIP)
error(inflate, b"\x1f\x8b\x07" + GZIP[3:])             # method 7
error(inflate, GZIP[:3] + b"\x20" + GZIP[4:])          # a reserved flag
d = deflate.DeflateIO(Reader(b"\x18\x94" + ZLIB[2:]))
error(d.read, 1)
error(d.read, 1)

# ---- trailers ----
error(inflate, ZLIB[:-1] + bytes([ZLIB[-1] ^ 1]))      # Adler-32
error(inflate, GZIP[:-8] + bytes([GZIP[-8] ^ 0x80]) + GZIP[-7:], deflate.AUTO, 9)   # CRC-32
error(inflate, GZIP[:-4] + b"\x00\x00\x00\x00", deflate.AUTO, 9)   # length
d = deflate.DeflateIO(Reader(ZLIB[:-1] + b"\x00"))
print(d.read(len(TEXT)) == TEXT)                       # the data comes before the check fails
error(d.read)
error(d.read)

# ---- blocks ----
error(inflate, bits((1, 1), (3, 2)), deflate.RAW)      # block type 3
error(inflate, bits((1, 1), (0, 2), (0, 5), (5, 16), (0xFFFB, 16)) + b"hello", deflate.RAW)
print(inflate(bits((1, 1), (0, 2), (0, 5), (5, 16), (0xFFFA, 16)) + b"hello", deflate.RAW))
error(inflate, bits(*FIXED, (0x30 + 65, -8), (286 - 280 + 0xC0, -8)), deflate.RAW)   # length code 286
error(inflate, bits(*FIXED, (1, -7), (0, -5)), deflate.RAW)               # distance 1 with no data yet
error(inflate, bits(*FIXED, (0x30 + 65, -8), (1, -7), (1, -5)), deflate.RAW)   # distance 2 after 1 byte
print(inflate(bits(*FIXED, (0x30 + 65, -8), (1, -7), (0, -5), (0, -7)), deflate.RAW))   # 'A' then 3 more
error(inflate, bits(*FIXED, (0x30 + 65, -8), (1, -7), (30, -5)), deflate.RAW)  # distance code 30
error(inflate, RAW, deflate.RAW, 5)                    # a window of 32 bytes, matches 54 back
print(inflate(RAW, deflate.RAW, 6) == TEXT[:200])     # 64 bytes are enough
# dynamic blocks: 257 literal/length codes, 1 distance code, then the
# lengths of the code-length code (3 bits each, in the order 16 17 18 0 8 ...)
error(inflate, bits(*DYNAMIC, (0, 5), (0, 5), (15, 4), *[(1, 3)] * 19), deflate.RAW)   # over-subscribed
error(inflate, bits(*DYNAMIC, (0, 5), (0, 5), (0, 4), (1, 3), (0, 3), (0, 3), (0, 3)), deflate.RAW)   # one code: incomplete
error(inflate, bits(*DYNAMIC, (0, 5), (0, 5), (0, 4), (1, 3), (0, 3), (0, 3), (1, 3), (1, -1)), deflate.RAW)   # repeat with nothing before
error(inflate, bits(*DYNAMIC, (0, 5), (0, 5), (0, 4), (0, 3), (0, 3), (1, 3), (1, 3),
                    (1, -1), (127, 7), (1, -1), (109, 7)), deflate.RAW)   # 258 zeros: no end-of-block code
error(inflate, bits(*DYNAMIC, (31, 5), (0, 5), (0, 4)), deflate.RAW)     # 288 literal/length codes
error(inflate, bits(*DYNAMIC, (0, 5), (0, 5), (0, 4), (0, 3), (0, 3), (1, 3), (1, 3),
                    (1, -1), (127, 7), (1, -1), (127, 7)), deflate.RAW)   # 276 lengths for 258

# ---- data that ends too soon ----
error(inflate, b"")
error(inflate, ZLIB[:1])
error(inflate, ZLIB[:40])
error(inflate, ZLIB[:-1])
error(inflate, GZIP[:-3], deflate.GZIP, 9)
error(inflate, b"\x1f\x8b\x08\x08\x00\x00\x00\x00\x00\x03name without end")
error(inflate, RAW[:-1], deflate.RAW, 9)
d = deflate.DeflateIO(Reader(ZLIB[:40]))
error(d.read)
error(d.read)

# ---- closed ----
d = deflate.DeflateIO(Reader(ZLIB))
d.close()
error(d.read)
error(d.write, b"x")
error(d.readinto, bytearray(4))

# ---- select: a DeflateIO has an ioctl, but answers only close ----
p = select.poll()
p.register(deflate.DeflateIO(Reader(ZLIB)))
error(p.poll, 0)

# ---- fuzz: copies of good data with bytes changed, cut, flipped or added ----
seed = 12345


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return (seed >> 8) % n


GOOD = ((ZLIB, deflate.ZLIB, 0, TEXT), (GZIP, deflate.AUTO, 9, TEXT), (RAW, deflate.RAW, 9, None))
results = {}
bad = 0
for case in range(150):
    data, fmt, wbits, expected = GOOD[case % 3]
    b = bytearray(data)
    how = rnd(4)
    if how == 0:
        for i in range(1 + rnd(3)):
            b[rnd(len(b))] = rnd(256)
    elif how == 1:
        b = b[:rnd(len(b))]
    elif how == 2:
        i = rnd(len(b))
        b[i] ^= 1 << rnd(8)
    else:
        i = rnd(len(b))
        b = b[:i] + bytes([rnd(256)]) + b[i:]
    try:
        out = inflate(bytes(b), fmt, wbits)
        what = "data"
        if expected is not None and out != expected:
            bad += 1                  # a corruption passed the checksum
    except OSError as e:
        what = "OSError %d" % e.errno
    except EOFError:
        what = "EOFError"
    except Exception as e:
        what = "other"
        bad += 1
        print(type(e).__name__, e)
    results[what] = results.get(what, 0) + 1
print(sorted(results), sum(results.values()), bad)
