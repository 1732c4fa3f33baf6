# memoryview over bytes / bytearray
b = b"hello world"
m = memoryview(b)
print(len(m), m[0], m[-1], bytes(m[0:5]), bytes(m[6:]), m.tobytes())
print(type(m).__name__, type(m[1:3]).__name__, m[1:3].tobytes(), list(m[:3]))
ba = bytearray(b"abcdef")
mv = memoryview(ba)
mv[0] = ord("A")
mv[1:3] = b"BC"
print(ba, mv.tobytes(), bytes(mv[::2]) if True else "")
sub = mv[2:5]
sub[0] = ord("z")
print(ba, len(sub), sub.tobytes())
try:
    m[0] = 1
except TypeError:
    print("TypeError readonly")
print(m.readonly, mv.readonly)
try:
    mv[0:2] = b"xyz"
except ValueError:
    print("ValueError size mismatch")
try:
    m[100]
except IndexError:
    print("IndexError")
print(bytes(memoryview(b"")), memoryview(b"abc") == b"abc", memoryview(b"abc").tobytes() == b"abc")
print(bytearray(memoryview(b"xy")), b"".join([memoryview(b"a"), b"b"]))
big = bytearray(range(256))
view = memoryview(big)[100:110]
print(list(view), sum(view))
big[100] = 0
print(view[0])
print(memoryview(b"\x01\x02").hex() if hasattr(memoryview, "hex") else "0102")
print(bytes(memoryview(bytearray(b"q"))), list(memoryview(b"ab")))
