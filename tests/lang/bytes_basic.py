# bytes
b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:4], b[::-1], b[::3])
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b"copy"))
print(bytes("abc", "utf-8"), bytes("é", "utf-8"), "xyz".encode("ascii"))
print(b.upper(), b.split(), b.split(b"o"), b.replace(b"l", b"L"), b.find(b"wor"))
print(b.startswith(b"he"), b.endswith(b"x"), b.count(b"l"), b.index(b"o"), b.rfind(b"o"))
print(b"-".join([b"a", b"b", b"c"]), b.strip(b"hd"), b"  pad ".strip(), b"a,b".partition(b","))
print(b + b"!", b * 2, b"ab" in b"cabd", 104 in b, 200 in b)
print(list(b"abc"), [x for x in b"\x00\xff"], tuple(b"hi"))
print(b.hex(), b"\x00\x01\xfe\xff".hex(), bytes.fromhex("de ad BE EF"), bytes.fromhex(""))
print(b.decode(), b"\xe2\x82\xac".decode(), b"abc".decode("ascii"))
print(b == b"hello world", b != b"x", b"abc" < b"abd", b"ab" < b"abc", b"" == bytes())
print(repr(b"\t\n\r\x00\x7f\x80'\\"), str(b"x"), b"%s-%d" % (b"k", 7))
print(b.isalpha(), b"abc".isalpha(), b"123".isdigit(), b"  ".isspace(), b"Ab".islower())
print(b.lower(), b"ABC".lower(), b"a b".title(), b"hello".capitalize())
print(b"abc".center(7, b"*"), b"7".zfill(3), b"x".ljust(3, b"."), b"x".rjust(3))
print(bytes([0, 127, 128, 255]), hash(b"k") == hash(b"k"), {b"k": 1}[b"k"])
print(b"a\nb\nc".splitlines(), b"a b c".rsplit(b" ", 1), b"abcabc".lstrip(b"ab"))
print(max(b"hello"), min(b"hello"), sum(b"\x01\x02\x03"), sorted(b"cab"))
print(b"abc"[1:], b"abc"[5:], b"abc"[-2:], type(b"abc"[0]).__name__, type(b"abc"[0:1]).__name__)
print(bytes(b"x") is not None, b"abc".find(98), b"abc".count(b""))
print(int.from_bytes(b"\x00\x10", "big"), b"\x41\x42".decode())
try:
    b"abc"[10]
except IndexError as e:
    print("IndexError", e)
try:
    b"abc"[0] = 1
except TypeError:
    print("TypeError")
try:
    bytes([256])
except ValueError:
    print("ValueError")
try:
    b"abc" + "def"
except TypeError:
    print("TypeError concat")
try:
    bytes.fromhex("zz")
except ValueError:
    print("ValueError fromhex")
print(b"".join([]), b"".split(), b"x".split(b","), b"\xff".hex())
print(b"abc" == "abc", b"a" * 0)
