# uctypes: structures over the bytes of a bytearray (through its address),
# so that no memory outside Python objects is touched.
import uctypes

print(uctypes.UINT8, uctypes.INT8, uctypes.UINT16, uctypes.INT16)
print(uctypes.UINT32, uctypes.INT32, uctypes.UINT64, uctypes.INT64)
print(uctypes.BFUINT8, uctypes.BFINT8, uctypes.BFUINT16, uctypes.BFINT16)
print(uctypes.BFUINT32, uctypes.BFINT32, uctypes.FLOAT32, uctypes.FLOAT64)
print(uctypes.PTR, uctypes.ARRAY, uctypes.VOID, uctypes.BF_POS, uctypes.BF_LEN)
print(uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN, uctypes.NATIVE)
print(uctypes.SHORT == uctypes.INT16, uctypes.USHORT == uctypes.UINT16)
print(uctypes.INT == uctypes.INT32, uctypes.UINT == uctypes.UINT32)
print(uctypes.LONGLONG == uctypes.INT64, uctypes.ULONGLONG == uctypes.UINT64)

# ---- scalars, in both byte orders ----
buf = bytearray(range(1, 17))
addr = uctypes.addressof(buf)
DESC = {
    "u8": uctypes.UINT8 | 0,
    "i8": uctypes.INT8 | 15,
    "u16": uctypes.UINT16 | 2,
    "i16": uctypes.INT16 | 14,
    "u32": uctypes.UINT32 | 4,
    "i32": uctypes.INT32 | 12,
    "u64": uctypes.UINT64 | 8,
    "i64": uctypes.INT64 | 8,
}
le = uctypes.struct(addr, DESC, uctypes.LITTLE_ENDIAN)
be = uctypes.struct(addr, DESC, uctypes.BIG_ENDIAN)
print(le.u8, hex(le.u16), hex(le.u32), hex(le.u64), le.i8, le.i16, le.i32, le.i64)
print(be.u8, hex(be.u16), hex(be.u32), hex(be.u64), be.i8, be.i16, be.i32, be.i64)
buf[15] = 0xFE
buf[14] = 0xFF
buf[12] = 0x80
print(le.i8, le.i16, be.i16, be.i32)
le.u16 = 0x1234
print(buf[2], buf[3])
be.u16 = 0x1234
print(buf[2], buf[3])
le.u32 = -1                   # stored modulo 2**32
print(buf[4:8], le.u32)
be.u64 = 0x0102030405060708
print(buf[8:16], le.u64 == 0x0807060504030201)
le.i64 = -2
print(buf[8:16], le.i64, be.i64)
le.u8 = 0x1FF                 # truncated to the field
print(buf[0])
le.u64 = 2 ** 70 + 5          # a big int: its low 64 bits
print(buf[8:16])
le.i8 = -1
print(buf[15], le.i8)

# ---- floats ----
fbuf = bytearray(12)
f = uctypes.struct(uctypes.addressof(fbuf), {"f": uctypes.FLOAT32 | 0, "d": uctypes.FLOAT64 | 4},
                   uctypes.LITTLE_ENDIAN)
f.f = 1.5
f.d = -0.25
print(fbuf, f.f, f.d)
f.f = 2                       # an int is converted
print(f.f)
fb = uctypes.struct(uctypes.addressof(fbuf), {"f": uctypes.FLOAT32 | 0}, uctypes.BIG_ENDIAN)
fb.f = 1.5
print(fbuf[0:4])

# ---- bitfields ----
bits = bytearray(6)
BF = {
    "low": uctypes.BFUINT8 | 0 | 0 << uctypes.BF_POS | 3 << uctypes.BF_LEN,
    "high": uctypes.BFUINT8 | 0 | 3 << uctypes.BF_POS | 5 << uctypes.BF_LEN,
    "mid16": uctypes.BFUINT16 | 1 | 4 << uctypes.BF_POS | 8 << uctypes.BF_LEN,
    "top32": uctypes.BFUINT32 | 2 | 28 << uctypes.BF_POS | 4 << uctypes.BF_LEN,
    "signed": uctypes.BFINT8 | 0 | 0 << uctypes.BF_POS | 3 << uctypes.BF_LEN,
}
s = uctypes.struct(uctypes.addressof(bits), BF, uctypes.LITTLE_ENDIAN)
s.low = 5
s.high = 0x1F
print(bits[0], s.low, s.high)
s.low = 9                     # 3 bits keep 1
print(bits[0], s.low)
s.mid16 = 0xAB
print(bits[1], bits[2], hex(s.mid16))
s.top32 = 0xF
print(bits[2:6], s.top32, s.signed)   # signed bitfields read as unsigned, as MicroPython's
sb = uctypes.struct(uctypes.addressof(bits), BF, uctypes.BIG_ENDIAN)
print(hex(sb.mid16))          # bytes 1, 2 read big-endian: 0xb00a >> 4 & 0xff
print(uctypes.sizeof(BF, uctypes.LITTLE_ENDIAN))

# ---- nested structs, arrays ----
rec = bytearray(b"ABCDEFGHIJKLMNOP")
REC = {
    "head": uctypes.UINT8 | 0,
    "sub": (1, {"a": uctypes.UINT8 | 0, "b": uctypes.UINT16 | 1}),
    "bytes": (uctypes.ARRAY | 4, uctypes.UINT8 | 4),
    "words": (uctypes.ARRAY | 8, uctypes.UINT16 | 2),
    "items": (uctypes.ARRAY | 12, 2, {"x": uctypes.UINT8 | 0, "y": uctypes.UINT8 | 1}),
}
r = uctypes.struct(uctypes.addressof(rec), REC, uctypes.LITTLE_ENDIAN)
print(r.head, r.sub.a, hex(r.sub.b))
print(r.bytes, type(r.bytes) is bytearray, len(r.bytes))
r.bytes[0] = 0x61             # the bytearray is the memory itself
print(rec[4:8])
print(hex(r.words[0]), hex(r.words[1]))
r.words[1] = 0x3132
print(rec[8:12])
print(r.items[0].x, r.items[1].y)
r.items[1].x = 0x7A
print(rec[12:16])
for bad in (2, 10, -1):
    try:
        r.words[bad]
    except IndexError as e:
        print("IndexError", e)
try:
    r.items[2]
except IndexError as e:
    print("IndexError", e)
print(uctypes.sizeof(REC, uctypes.LITTLE_ENDIAN), uctypes.sizeof(r))
print(uctypes.sizeof(r.sub), uctypes.sizeof(r.words), uctypes.sizeof(r.items))
print(uctypes.sizeof(r.items[0]))
print(str(r).startswith("<struct STRUCT 0x"), str(r.words).startswith("<struct ARRAY 0x"))

# ---- alignment in the native layout ----
print(uctypes.sizeof({"a": uctypes.UINT8 | 0, "b": uctypes.UINT32 | 4}))           # 8
print(uctypes.sizeof({"a": uctypes.UINT8 | 0, "b": uctypes.UINT8 | 4}))            # 5
print(uctypes.sizeof({"a": uctypes.UINT16 | 0, "b": uctypes.UINT8 | 2}))           # 4
print(uctypes.sizeof({"a": uctypes.UINT16 | 0, "b": uctypes.UINT8 | 2}, uctypes.LITTLE_ENDIAN))
print(uctypes.sizeof({"a": uctypes.FLOAT64 | 0, "b": uctypes.UINT8 | 8}))          # 16
print(uctypes.sizeof({"arr": (uctypes.ARRAY | 0, uctypes.UINT32 | 3)}))
print(uctypes.sizeof({}), uctypes.sizeof(bytearray(7)))
nat = bytearray(8)
n = uctypes.struct(uctypes.addressof(nat), {"w": uctypes.UINT32 | 0, "h": uctypes.UINT16 | 5})
n.w = 0x01020304              # native: the machine's byte order
print(nat[0:4] in (b"\x04\x03\x02\x01", b"\x01\x02\x03\x04"))
n.h = 0xBEEF                  # a misaligned native field
print(n.h == 0xBEEF)

# ---- pointers ----
PSIZE = uctypes.sizeof({"p": (uctypes.PTR | 0, uctypes.UINT8)})
print(PSIZE in (4, 8))
target = bytearray(b"\x10\x20\x30\x40\x50\x60")
holder = bytearray(PSIZE * 2)
taddr = uctypes.addressof(target)
holder[0:PSIZE] = taddr.to_bytes(PSIZE, "little")
holder[PSIZE:] = (taddr + 2).to_bytes(PSIZE, "little")
P = {
    "p8": (uctypes.PTR | 0, uctypes.UINT8),
    "p16": (uctypes.PTR | 0, uctypes.UINT16),
    "ps": (uctypes.PTR | PSIZE, {"a": uctypes.UINT8 | 0, "b": uctypes.UINT8 | 1}),
}
h = uctypes.struct(uctypes.addressof(holder), P)
print(h.p8[0], h.p8[1], h.p8[5], int(h.p8) == taddr)
print(h.p16[0] in (0x2010, 0x1020))
print(h.ps[0].a, h.ps[0].b, h.ps[1].a)
h.p8[1] = 0x99
print(target[1])
print(str(h.p8).startswith("<struct PTR 0x"))
print(uctypes.sizeof(P) == 2 * PSIZE)

# ---- bytes_at, bytearray_at, addressof ----
data = bytearray(b"hello")
a = uctypes.addressof(data)
print(uctypes.bytes_at(a, 5), uctypes.bytes_at(a + 1, 3), uctypes.bytes_at(a, 0))
view = uctypes.bytearray_at(a, 4)
view[0] = ord("j")
print(data, view, len(view))
print(uctypes.addressof(b"xyz") != 0, uctypes.addressof(memoryview(data)[1:]) == a + 1)
whole = uctypes.struct(a, {"x": uctypes.UINT8 | 0, "y": uctypes.UINT8 | 3})
print(bytes(whole), whole.y)  # the buffer of a struct: the bytes its descriptor covers

# ---- errors ----
def error(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


error(lambda: r.nothere)
error(lambda: setattr(r, "nothere", 1))
error(lambda: setattr(r, "sub", 1))                    # an aggregate cannot be assigned
error(lambda: r.words.x)                               # an array has no fields
error(lambda: r[0])                                    # a struct cannot be indexed
error(lambda: setattr(le, "u8", 1.5))
error(lambda: setattr(f, "f", "x"))
error(lambda: uctypes.sizeof(uctypes.UINT8 | 0))
error(lambda: uctypes.sizeof({"x": "bad"}))
error(lambda: uctypes.sizeof({"x": (1,)}))
error(lambda: uctypes.sizeof({"x": (uctypes.PTR | 0, 1, 2)}))
error(lambda: uctypes.sizeof({"x": ("0", 1)}))
error(lambda: uctypes.sizeof([1, 2]))
error(lambda: uctypes.sizeof(r, uctypes.NATIVE))
error(lambda: uctypes.struct(addr, REC, layout=1))
error(lambda: uctypes.struct(addr))
error(lambda: uctypes.struct("x", REC))
error(lambda: uctypes.addressof(1))
error(lambda: uctypes.bytes_at(a, -1))
error(lambda: uctypes.bytearray_at(a, -1))
loop = {}
loop["self"] = (0, loop)                               # a descriptor that contains itself
error(lambda: uctypes.sizeof(loop))
print(uctypes.struct(a, (uctypes.ARRAY | 0, uctypes.UINT8 | 2))[1])
