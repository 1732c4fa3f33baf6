# bytes and bytearray: construction, slicing, methods, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(bytes(), bytes(3), bytes([1, 2, 255]), bytes(range(65, 70)), bytes(b"ab"), bytes(bytearray(b"x")))
print(bytes("é", "utf-8"), bytes("abc", encoding="ascii"), bytearray("hé", "utf-8"), bytearray(2))
t(lambda: bytes([256]))
t(lambda: bytes([-1]))
t(lambda: bytes("abc"))
t(lambda: bytes(-1))
t(lambda: bytes(1.5))
t(lambda: bytes(["a"]))
t(lambda: bytearray([1, 300]))
try:
    "é".encode("ascii")
except UnicodeError as e:
    print("UnicodeError", e)
b = b"0123456789"
print(b[0], b[-1], b[2:5], b[::2], b[::-1], b[-3:], b[5:2], b[1:8:3], b[100:])
t(lambda: b[10])
t(lambda: b[-11])
t(lambda: b["a"])
t(lambda: b[1.0])
print(b + b"x", b * 2, 2 * b"ab", b"" * 5, b"ab" * -1, b == bytearray(b), b"a" < b"b", b"ab" < b"a")
t(lambda: b + "x")
t(lambda: b + 1)
t(lambda: "x" + b)
print(b"a" == "a", b"" == bytearray(), bytearray(b"a") + b"b", b"b" + bytearray(b"a"))
print(type(bytearray(b"a") + b"b").__name__, type(b"b" + bytearray(b"a")).__name__)
ba = bytearray(b"hello world")
ba[0] = 72
ba[-1] = ord("D")
print(ba)
ba[0:5] = b"HOWDY"
print(ba)
ba[5:6] = b"---"
print(ba, len(ba))
ba[::2] = b"x" * len(ba[::2])
print(ba)
del ba[0]
del ba[::3]
print(ba)
ba[1:3] = []
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([1, 2])
ba.insert(0, 64)
ba.insert(-1, 65)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("?"))
print(ba, ba.index(ord("?")), ba.count(b"x"))
ba.reverse()
print(ba)
def setitem(o, k, v):
    o[k] = v
    return o
t(lambda: setitem(ba, 0, 256))
t(lambda: setitem(ba, 0, "a"))
t(lambda: setitem(ba, slice(0, 2), 5))
t(lambda: ba.append(-1))
t(lambda: ba.remove(250))
t(lambda: bytearray().pop())
t(lambda: setitem(ba, slice(0, 4, 2), b"abc"))
t(lambda: setitem(b"abc", 0, 1))
t(lambda: setitem(ba, 100, 1))
c = bytearray(b"abc")
c += b"def"
c *= 2
print(c, c.copy(), c.clear(), c)
print(b"hello".hex(), bytes.fromhex("68 65 6c6c 6f"), bytearray.fromhex("ff00"), b"".hex())
t(lambda: bytes.fromhex("abc"))
t(lambda: bytes.fromhex("zz"))
print(b"Hello".decode(), b"h\xc3\xa9".decode("utf-8"), bytearray(b"ok").decode())
for bad in [b"\xff", b"\xc3", b"a\xe2\x82"]:
    try:
        bad.decode()
    except UnicodeError as e:
        print("UnicodeError", e)
print(list(b"ab"), tuple(bytearray(b"xy")), [x for x in b"\x00\xff"], sum(b"\x01\x02\x03"))
print(b"%s=%d" % (b"k", 5), b"%b" % b"raw", b"%5s|" % b"ab", b"%x" % 255)
print(repr(b"\x00\x01\t\n\r'\"\\\x7f\x80"), repr(bytearray(b"'")), repr(b"'\""), str(b"q"))
print(b"abc".upper(), b"  x".lstrip(), b"A,B".lower().split(b","))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], b"a" in [b"a"], max(b"azb"), min(bytearray(b"zq")))
t(lambda: hash(bytearray(b"x")))
t(lambda: {bytearray(b"x"): 1})
print(bytes(memoryview(b"mv")), memoryview(b"abc")[1], bytes(memoryview(b"abcd")[1:3]))
