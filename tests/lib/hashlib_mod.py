# hashlib: sha256, sha1 and md5 against the standards' test vectors; data
# fed at once and in pieces of every size around the 64-byte block; a
# megabyte streamed through update(); digest() is repeatable and updating
# may go on after it; argument errors.
import hashlib
from binascii import hexlify

ALGOS = [("sha256", hashlib.sha256), ("sha1", hashlib.sha1), ("md5", hashlib.md5)]
VECTORS = [
    b"",
    b"a",
    b"abc",
    b"message digest",
    b"abcdefghijklmnopqrstuvwxyz",
    b"abcdbcdecdefdefgefghfghighijhijkijkljklmjklmnklmnlmnomnopnopq",
    b"The quick brown fox jumps over the lazy dog",
    b"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
]

for name, new in ALGOS:
    print(name)
    for v in VECTORS:
        print(" ", len(v), hexlify(new(v).digest()))

# Message lengths around the padding boundaries (55, 56, 63, 64, 65 bytes...).
for name, new in ALGOS:
    out = []
    for n in (0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129):
        out.append(hexlify(new(bytes(range(n))).digest()[:4]))
    print(name, out)

# The same data in pieces of each size gives the same digest.
data = bytes((i * 7 + 3) & 0xFF for i in range(300))
for name, new in ALGOS:
    whole = new(data).digest()
    same = True
    for piece in (1, 2, 3, 7, 31, 63, 64, 65, 100, 299):
        h = new()
        for i in range(0, len(data), piece):
            h.update(data[i:i + piece])
        same = same and h.digest() == whole
    print(name, "pieces", same, len(whole))

# A megabyte streamed: 1024 updates of the same kilobyte (never held whole).
block = bytes(range(256)) * 4
for name, new in ALGOS:
    h = new()
    for i in range(1024):
        h.update(block)
    print(name, "1MB", hexlify(h.digest()))

# The million 'a's of FIPS 180's long test, in pieces of 1000.
h = hashlib.sha256()
chunk = b"a" * 1000
for i in range(1000):
    h.update(chunk)
print("sha256 million a", hexlify(h.digest()))

# digest() leaves the object usable: again, and after more data.
h = hashlib.sha256(b"ab")
d1 = h.digest()
print(d1 == h.digest(), d1 == hashlib.sha256(b"ab").digest())
h.update(b"c")
print(h.digest() == hashlib.sha256(b"abc").digest())

# Any bytes-like object.
print(hashlib.sha1(bytearray(b"abc")).digest() == hashlib.sha1(b"abc").digest())
print(hashlib.md5(memoryview(b"xabcx")[1:4]).digest() == hashlib.md5(b"abc").digest())
h = hashlib.md5()
h.update(bytearray(b"ab"))
h.update(memoryview(b"c"))
print(h.digest() == hashlib.md5(b"abc").digest())
print(h.update(b"") is None, type(h.digest()).__name__, len(h.digest()))


def check(f):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)


def check_type(f):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__)


for name, new in ALGOS:
    check(lambda: new("abc"))
    check(lambda: new(5))
    check(lambda: new(None))
    check(lambda: new().update("abc"))
    check(lambda: new().update([1, 2]))
    # The wording of argument-count errors is the core's, not CPython's.
    check_type(lambda: new().update())
    check_type(lambda: new().digest(1))
    check_type(lambda: new(b"a", b"b"))
