# struct: pack, unpack, unpack_from, pack_into and calcsize with every
# format character, byte order and repeat count, compared with CPython
# (values exact in single precision, so the chip agrees). The errors, whose
# type differs from CPython's struct.error, are struct_errors.py's.
import struct

INTS = "bBhHiIlLqQ"
for order in "<>!=":
    print(order, [struct.calcsize(order + c) for c in "xcbB?hHiIlLqQefd"])
    print(order, struct.calcsize(order + "bhiqd"), struct.calcsize(order + "3s2x4h"), struct.calcsize(order))

# Native mode aligns each item to its size (for the types whose alignment
# is the same on every target) and adds no padding at the end.
print([struct.calcsize(f) for f in ("@b", "@bh", "@bi", "@hbi", "bhb", "ib", "@3bi", "@5s", "@s3xh", "@?h", "@ce")])
print(struct.pack("@bhi", 1, 2, 3) == struct.pack("<bxhi", 1, 2, 3), struct.pack("@bb", 1, 2))

for order in "<>":
    print(order, struct.pack(order + "bBhHiIqQ", -1, 255, -2, 65535, -3, 4294967295, -4, 2**64 - 1))
    print(order, struct.pack(order + "bBhHiIlLqQ", -128, 0, -32768, 0, -2**31, 0, -2**31, 2**32 - 1, -2**63, 0))
    print(order, struct.pack(order + "hiq", 0x1234, 0x12345678, 0x123456789ABCDEF0))
    print(order, struct.pack(order + "fde", 1.5, -2.25, 0.375))
    print(order, struct.pack(order + "?c3s2x", 7, b"A", b"hi"))
print(struct.pack("!i", 1) == struct.pack(">i", 1), struct.pack("=H", 0x102) == struct.pack("<H", 0x102))
print(struct.pack("<i", 258), struct.pack("I", 258), struct.pack("3B", 1, 2, 3), struct.pack("<2h2b", 1, -1, 2, -2))

# Round trips: every integer format at its limits.
for order in "<>=":
    for c in INTS:
        size = struct.calcsize(order + c)
        bits = 8 * size
        lo, hi = (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if c.islower() else (0, 2**bits - 1)
        vals = (lo, hi, 0, 1, lo + 1, hi - 1, hi // 3)
        packed = struct.pack(order + "%d%s" % (len(vals), c), *vals)
        print(order, c, size, struct.unpack(order + "%d%s" % (len(vals), c), packed) == vals, packed[:3])

# Floats, exact in single precision; infinities and NaN.
for order in "<>":
    for c in "efd":
        vals = (0.0, -0.0, 1.0, -2.5, 0.125, 1024.0, 65504.0, float("inf"), float("-inf"))
        packed = struct.pack(order + "9" + c, *vals)
        back = struct.unpack(order + "9" + c, packed)
        print(order, c, back, packed[-4:])
        nan = struct.unpack(order + c, struct.pack(order + c, float("nan")))[0]
        print(order, c, nan != nan)
print(struct.pack("<f", 3), struct.pack("<d", True), int(struct.unpack("<d", struct.pack("<d", 2**53))[0]))
# Half precision: rounding half to even, subnormals, the largest value.
# Values are printed in units of 2**-24 (the smallest subnormal), as ints.
for x in (1.0009765625, 1.00048828125, 1.00146484375, 2.0**-24, 2.0**-25, 2.0**-25 * 1.5, 2.0**-14, 65519.0, 6.0e-8):
    p = struct.pack("<e", x)
    print(p, int(struct.unpack("<e", p)[0] * 2**24))
print([int(v * 2**24) if abs(v) < 1e6 else v for v in struct.unpack("<4e", b"\x00\x7c\x00\xfc\x01\x00\xff\x7b")])
print(struct.unpack(">e", b"\x7e\x00")[0] != struct.unpack(">e", b"\x7e\x00")[0])

# strings, chars, bools, padding
print(struct.pack("5s", b"abc"), struct.pack("2s", b"abcdef"), struct.pack("0s", b"abc"), struct.pack("s", b""))
print(struct.pack("3s", bytearray(b"xyz")), struct.pack("c", b"q"), struct.pack("3c", b"a", b"b", b"c"))
print(struct.unpack("<3sc2s", b"abcdef"), struct.unpack("0s", b""), struct.unpack("3x", b"abc"), struct.unpack("x2xb", b"\x01\x02\x03\x04"))
print(struct.pack("???", 0, [], "x"), struct.unpack("4?", b"\x00\x01\x02\xff"))
print(struct.pack("<x"), struct.pack("<3x"), struct.pack("<xbx", 5))

# empty formats, whitespace between items, counts of zero
print(struct.calcsize(""), struct.pack(""), struct.unpack("", b""), struct.pack("@"), struct.unpack_from("", b"x", 1))
print(struct.pack("< h i", 1, 2), struct.calcsize("\t2h\n3b "), struct.pack("<0i2h", 5, 6), struct.calcsize("0q"))
print(struct.unpack(b"<HH", b"\x01\x00\x02\x00"), struct.calcsize(b">q"))

# any buffer; unpack_from and pack_into with offsets
print(struct.unpack("<H", bytearray(b"\x01\x02")), struct.unpack("<H", memoryview(b"\x00\x01\x02")[1:]))
data = bytes(range(16))
print(struct.unpack_from("<I", data), struct.unpack_from("<I", data, 4), struct.unpack_from("<2H", data, 12))
print(struct.unpack_from("<I", data, -4), struct.unpack_from("<b", data, -16), struct.unpack_from("<I", data, offset=8))
print(struct.unpack_from("0s", data, 16), struct.unpack_from(">h", bytearray(data), 1))
buf = bytearray(12)
print(struct.pack_into("<HI", buf, 0, 0x102, 0x3040506), buf)
print(struct.pack_into(">h", buf, 6, -2), buf)
print(struct.pack_into("<b", buf, -1, 127), buf)
print(struct.pack_into("<2s", buf, -6, b"zz"), buf)
print(struct.pack_into("0s", buf, 12, b""), buf)
m = memoryview(buf)
struct.pack_into("<H", m, 10, 0xAAAA)
print(buf, struct.unpack_from("<3H", m, 6))


class Index:
    def __index__(self):
        return 513


class Real:
    def __float__(self):
        return 0.5


print(struct.pack("<H", Index()), struct.pack("<f", Real()), struct.pack("<d", Index()), struct.pack("<q", True))
