# center/ljust/rjust/zfill/strip/expandtabs/replace
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for w in range(0, 9):
    print(w, repr("ab".center(w)), repr("abc".center(w, "*")), repr("ab".ljust(w, "-")), repr("ab".rjust(w, "+")))
print(repr("".center(3)), repr("a".center(2)), repr("a".center(4)), repr("é".center(5, "ü")))
t(lambda: "a".center(5, "ab"))
t(lambda: "a".center(5, ""))
t(lambda: "a".ljust("5"))
t(lambda: "a".rjust(5, 1))
for s in ["", "1", "-1", "+1", "--1", "abc", "-abc", "12345", "-0"]:
    print(repr(s), repr(s.zfill(0)), repr(s.zfill(4)), repr(s.zfill(6)))
print(repr(" \t\n\r\x0b\x0cx \t\n\r\x0b\x0c".strip()), repr("\u3000x\u00a0".strip()))
print("xyxzyx".strip("xy"), "xyxzyx".lstrip("xy"), "xyxzyx".rstrip("xy"))
print(repr("aaa".strip("a")), repr("abc".strip("")), repr("  a ".strip(None)), repr("éaé".strip("é")))
t(lambda: "abc".strip(1))
print(repr("a\tbc\tdef\tg".expandtabs()), repr("a\tbc\tdef\tg".expandtabs(4)))
print(repr("a\tb".expandtabs(0)), repr("a\tb".expandtabs(1)), repr("ab\n\tc\r\td".expandtabs(4)))
print(repr("\t".expandtabs(-1)), repr("x\ty".expandtabs(tabsize=3)), repr("é\tx".expandtabs(4)))
print("aaaa".replace("a", "b", 0), "aaaa".replace("a", "b", 2), "aaaa".replace("a", "b", -1))
print("aaaa".replace("aa", "x"), "abc".replace("", "-", 2), "".replace("", "x"), "".replace("a", "x"))
print("héllo".replace("é", "e"), "abab".replace("ab", ""), "abc".replace("abc", "abcabc"))
print("a.b.c".replace(".", "", 1), "x".replace("x", "yy", 1))
t(lambda: "abc".replace("a"))
t(lambda: "abc".replace(1, "x"))
t(lambda: "abc".replace("a", 2))
t(lambda: "-".join(["a", 1]))
t(lambda: "-".join([b"a"]))
t(lambda: "-".join(5))
print("-".join(iter(["x", "y"])), "-".join(c for c in "abc"), ",".join({"k": 1}), "é".join("abc"))
print(b"-".join([b"a", bytearray(b"b")]), bytearray(b",").join([b"1", b"2"]))
t(lambda: b"-".join(["a"]))
t(lambda: b"-".join([1]))
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"-5".zfill(4))
print(b"  x ".strip(), b"xxaxx".strip(b"x"), b"abc".replace(b"b", b"BB"), b"a\tb".expandtabs(4))
