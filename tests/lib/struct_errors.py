# struct errors: CPython's messages, raised as ValueError as MicroPython
# does (CPython raises struct.error), hence the .exp file; also unpack()
# of a longer buffer, which MicroPython allows and CPython does not.
import struct


def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# unpack reads the start of a longer buffer
check(lambda: struct.unpack("<H", b"\x01\x02\x03"))
check(lambda: struct.unpack("<bb", bytearray(b"\x01\x02\x03\x04")))

# the format
check(lambda: struct.calcsize("<z"))
check(lambda: struct.calcsize("z"))
check(lambda: struct.calcsize("<3"))
check(lambda: struct.calcsize("<3 i"))
check(lambda: struct.calcsize("<i<"))
check(lambda: struct.calcsize("i@"))
check(lambda: struct.calcsize("<P"))
check(lambda: struct.calcsize("<n"))
check(lambda: struct.calcsize("<999999999999999999999i"))
check(lambda: struct.calcsize(5))
check(lambda: struct.calcsize(bytearray(b"i")))
check(lambda: struct.pack("z", 1))
check(lambda: struct.unpack("<3", b""))

# integer ranges: the format's, or the C conversion's
for fmt, v in [("<b", 128), ("<b", -129), ("<B", 256), ("<B", -1), ("<h", 2**15), ("<H", -1), ("<H", 2**16),
               ("<i", 2**31), ("<i", -2**31 - 1), ("<I", 2**32), ("<I", -1), ("<l", 2**31), ("<L", -1),
               ("<q", 2**63), ("<q", -2**63 - 1), ("<Q", 2**64), ("<Q", -1), ("<b", 2**100), ("<I", 2**64),
               ("<i", -2**70), ("b", 300), ("i", 2**31), ("B", -1)]:
    check(lambda: struct.pack(fmt, v))

# value types
check(lambda: struct.pack("<i", 1.5))
check(lambda: struct.pack("<i", "1"))
check(lambda: struct.pack("<i", None))
check(lambda: struct.pack("<Q", 2.0))
check(lambda: struct.pack("<f", "a"))
check(lambda: struct.pack("<d", None))
check(lambda: struct.pack("<d", [1.0]))
check(lambda: struct.pack("<d", 10**400))
# Where floats are single precision (the chip) every float fits 'f'.
if 1e300 != float("inf"):
    check(lambda: struct.pack("<f", 1e300))
    check(lambda: struct.pack("<f", -1e39))
else:
    print("OverflowError float too large to pack with f format\n" * 2, end="")
check(lambda: struct.pack("<e", 65520.0))
check(lambda: struct.pack("<e", -1e10))
check(lambda: struct.pack("<c", b"ab"))
check(lambda: struct.pack("<c", b""))
check(lambda: struct.pack("<c", "a"))
check(lambda: struct.pack("<c", 65))
check(lambda: struct.pack("<c", bytearray(b"a")))
check(lambda: struct.pack("<s", "a"))
check(lambda: struct.pack("<2s", 5))
check(lambda: struct.pack("<2s", memoryview(b"ab")))

# counts of values
check(lambda: struct.pack("<I"))
check(lambda: struct.pack("<I", 1, 2))
check(lambda: struct.pack("<2I", 1))
check(lambda: struct.pack("<3s", b"a", b"b"))
check(lambda: struct.pack("<x", 1))
check(lambda: struct.pack_into("<I", bytearray(4), 0))
check(lambda: struct.pack_into("<I", bytearray(4), 0, 1, 2))

# buffers and offsets
check(lambda: struct.unpack("<I", b"abc"))
check(lambda: struct.unpack("<I", b""))
check(lambda: struct.unpack("<I", 5))
check(lambda: struct.unpack("<I", "abcd"))
check(lambda: struct.unpack_from("<I", b"abcde", 2))
check(lambda: struct.unpack_from("<I", b"abcde", 6))
check(lambda: struct.unpack_from("<I", b"abcde", -6))
check(lambda: struct.unpack_from("<I", b"abcde", -3))
check(lambda: struct.unpack_from("<I", b"abcde", 1.5))
check(lambda: struct.unpack_from("<I", b"abcde", off=1))
check(lambda: struct.pack_into("<I", bytearray(4), 1, 5))
check(lambda: struct.pack_into("<I", bytearray(8), 9, 5))
check(lambda: struct.pack_into("<I", bytearray(8), -2, 5))
check(lambda: struct.pack_into("<I", bytearray(8), -9, 5))
check(lambda: struct.pack_into("<I", bytes(8), 0, 5))
check(lambda: struct.pack_into("<I", bytearray(8), "0", 5))
