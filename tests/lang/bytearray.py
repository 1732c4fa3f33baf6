# bytearray
ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[-1], ba[1:3])
ba[0] = 72
print(ba)
ba.append(33)
ba.extend(b" ok")
ba.extend([65, 66])
print(ba, len(ba))
ba[1:3] = b"EL"
print(ba)
ba[0:0] = b">>"
print(ba)
del ba[0]
del ba[-2:]
print(ba)
ba[::2] = bytearray(len(ba[::2]))
print(ba)
print(bytearray(), bytearray(4), bytearray([1, 2, 3]), bytearray("é", "utf-8"))
x = bytearray(b"abc")
x += b"def"
print(x, x * 2, x + b"!", bytes(x), list(x))
print(x.pop(), x.pop(0), x)
x.insert(1, 90)
x.remove(90)
x.reverse()
print(x, x.find(b"c"), x.count(b"d"), x.index(b"b"), b"c" in x, 100 in x)
print(x.hex(), x.decode(), x.upper(), x == b"dcb", x == bytearray(b"dcb"))
y = bytearray(b"a,b,,c")
print(y.split(b","), y.replace(b",", b";"), y.strip(b"a"), type(y.split(b",")[0]).__name__)
z = bytearray(3)
for i in range(3):
    z[i] = i * 100
print(z, list(z))
z.clear()
print(z, len(z))
try:
    z.append(256)
except ValueError:
    print("ValueError")
try:
    bytearray(b"a")[3]
except IndexError:
    print("IndexError")
try:
    bytearray(b"a").pop(5)
except IndexError:
    print("IndexError pop")
w = bytearray(b"xyz")
w[-1] = ord("Z")
print(w, w[::-1], bytearray(w), w is not bytearray(w), w.copy())
print(bytearray(b"abc") < bytearray(b"abd"), bytearray(b"k").decode())
w[0:2] = b""
print(w)
w[:] = b"new content"
print(w, w.startswith(b"new"), w.endswith(bytearray(b"tent")))
s = bytearray()
for i in range(10):
    s.append(48 + i)
print(s, s.decode())
