# split / rsplit / partition / splitlines in depth
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = "a,b,,c,"
for n in [-1, 0, 1, 2, 3, 10]:
    print(n, s.split(",", n), s.rsplit(",", n))
w = "  one  two   three  "
for n in [-1, 0, 1, 2, 5]:
    print(n, w.split(None, n), w.rsplit(None, n))
print(w.split(maxsplit=1), w.rsplit(maxsplit=1), s.split(sep=",", maxsplit=1))
print("".split(), "".rsplit(), "".split("x"), "".rsplit("x"))
print("   ".split(" "), "abc".split("abc"), "abcabc".split("abc"))
print("aaa".split("aa"), "aaa".rsplit("aa"), "aaaa".split("aa"), "aaaa".rsplit("aa", 1))
print("a\tb\nc\x0bd\x0ce\rf".split(), "x\u3000y".split())
print("1<>2<>3".split("<>"), "1<>2<>3".rsplit("<>", 1))
t(lambda: "abc".split(""))
t(lambda: "abc".rsplit(""))
t(lambda: "abc".split(1))
t(lambda: "abc".partition(""))
t(lambda: "abc".rpartition(""))
t(lambda: "abc".partition(None))
print("a=b=c".partition("="), "a=b=c".rpartition("="))
print("abc".partition("abc"), "abc".rpartition("abc"), "".partition("x"), "".rpartition("x"))
print("xxyxx".partition("xx"), "xxyxx".rpartition("xx"))
print("a\nb\rc\r\nd".splitlines(), "a\nb\rc\r\nd".splitlines(True))
print("\n".splitlines(), "\n\n".splitlines(), "x".splitlines(), "".splitlines())
print("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i".splitlines())
print("a\r\n".splitlines(keepends=True), "a\r".splitlines(keepends=False))
# split results are new objects and equal
parts = "k1=v1;k2=v2;k3".split(";")
d = {}
for p in parts:
    k, sep, v = p.partition("=")
    d[k] = (sep, v)
print(d)
# bytes counterparts
print(b"a,b,,c".split(b","), b"a,b,,c".rsplit(b",", 1), b" x  y ".split())
print(b"a b c".split(None, 1), b"a b c".rsplit(None, 1))
print(b"k=v".partition(b"="), b"k=v".rpartition(b"x"))
print(b"a\nb\r\nc".splitlines(), b"a\nb\r\nc".splitlines(True))
t(lambda: b"abc".split(b""))
t(lambda: b"abc".split("b"))
print(bytearray(b"a-b").split(b"-"), bytearray(b"a-b").partition(b"-"))
