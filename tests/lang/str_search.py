# find/rfind/index/rindex/count/startswith/endswith with ranges
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = "abracadabra"
for args in [("a",), ("a", 1), ("a", 1, 4), ("a", -4), ("a", -4, -1), ("bra", 0, 4),
             ("bra", 0, 3), ("", 5), ("", 11), ("", 12), ("a", 20), ("a", 5, 2),
             ("a", None, 3), ("a", 2, None), ("zz",)]:
    print(args, s.find(*args), s.rfind(*args), s.count(*args))
print(s.index("c"), s.rindex("a"), s.index("a", 1), s.rindex("a", 0, -1))
t(lambda: s.index("z"))
t(lambda: s.rindex("z"))
t(lambda: s.index("a", 11))
t(lambda: s.find(1))
t(lambda: s.count())
print(s.count("", 2, 5), "".count("", 0, 0), "".find(""), "".rfind(""), "ab".rfind(""))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"), "aaaa".rfind("aa", 0, 3))
print(s.startswith("abr"), s.startswith("bra", 1), s.startswith("bra", 1, 3))
print(s.startswith(("x", "y")), s.startswith(("x", "abr")), s.startswith(()))
print(s.endswith("bra"), s.endswith("bra", 0, 4), s.endswith(("cad", "dab"), 0, 9))
print(s.startswith("", 11), s.startswith("", 12), s.endswith("", 11), s.endswith("", 12))
print(s.startswith("a", -1), s.endswith("a", -3, -2), s.startswith("abra", -100))
t(lambda: s.startswith(["a"]))
t(lambda: s.endswith(1))
t(lambda: s.startswith(("a", 1)))
# unicode positions are code points, not bytes
u = "héllo wörld é"
print(u.find("é"), u.rfind("é"), u.index("w"), u.count("é"), u.find("ö", 8), u.find("l", 3, 4))
print(u.startswith("llo", 2), u.endswith("é"), u.rfind("l", 0, 9), len(u))
print("€€€".find("€", 1), "€€€".rfind("€", 0, 2), "€a€".count("€", 1))
# in operator
print("cad" in s, "" in "", "x" in "", "é" in u)
t(lambda: 1 in "abc")
t(lambda: None in "abc")
# bytes / bytearray search
b = b"abracadabra"
print(b.find(b"bra"), b.rfind(b"bra"), b.count(b"a"), b.find(97), b.index(b"c"), b.rfind(ord("r")))
print(b.startswith(b"ab"), b.endswith((b"x", b"ra")), b.count(b"a", 2, 8))
t(lambda: b.find("a"))
t(lambda: b.index(b"z"))
t(lambda: b.find(256))
print(97 in b, b"cad" in b, bytearray(b"xyz").find(b"z"), b"" in b)
t(lambda: "a" in b)
t(lambda: 300 in b)
