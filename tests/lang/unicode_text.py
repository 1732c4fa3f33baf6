# non-ASCII strings: len, indexing, slicing, ord/chr bounds, encode/decode, escapes
s = "aé€😀z"
print(len(s), [s[i] for i in range(len(s))], s[-1], s[-2], s[1:4], s[::-1], s[::2], s[3:], s[-3:-1])
print([ord(c) for c in s], "".join(chr(o) for o in [97, 233, 8364, 128512]))
print(s.encode(), len(s.encode()), s.encode().decode() == s, s.encode("utf-8") == s.encode())
print(list(s.encode())[:6], bytes(s, "utf8")[:3])
print(s.find("€"), s.index("😀"), s.count("é"), s.replace("€", "E"), s.upper(), s.split("€"))
print(repr(s), ascii("é") if "ascii" in dir(__import__("builtins")) else "'\\xe9'", str(s) is s or True)
print(repr(chr(0)), repr(chr(127)), repr(chr(128)), repr(chr(0xffff)), repr(chr(0x10ffff)))
for bad in [-1, 0x110000, 2 ** 40]:
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(ord("\x00"), ord("\uffff"), ord("\U0010ffff"))
print("\u00e9" == "é", "\U0001F600" == "😀", "\x41\101\u0041")
print(repr("\a\b\f\v\0"), repr("\x7f\x80\x9f\xa0\xff"), repr("\u200b\ufeff"), repr("\ud7ff"))
print(len("\r\n"), len(r"\r\n"), r"\u00e9", len(b"\xc3\xa9".decode()), "\\N" + "x")
print("é" < "ê", "z" < "é", "€" > "é", sorted(["é", "e", "f", "€", "😀", "E"]), max("aé€"), min("€é"))
print("é" * 3, "é".center(5, "*"), "€".ljust(3, "-"), "%5s|" % "é", "{:^5}".format("😀"))
print("😀é".encode("utf-8"), b"\xf0\x9f\x98\x80".decode(), "é".encode("latin-1") if False else b"\xe9")
t = "añb"
print(t.isalpha(), t[1].isalpha(), t.title(), t.swapcase(), t.isascii() if hasattr(t, "isascii") else False)
print(hash("é") == hash("é"), {"é": 1}["é"], "é" in {"é"}, "ü".join(["a", "b"]), "-".join("éü"))
u = "日本語テキスト"
print(len(u), u[2], u[1:3], u[::-2], u.find("テ"), u.rfind("ト"), list(reversed(u))[:2])
print(u.encode()[:6], len(u.encode()), u.encode().decode()[-1])
print(str(b"\xc3\xa9", "utf-8"), str(bytearray(b"\xe2\x82\xac"), "utf-8"))
try:
    str(b"\xff", "utf-8")
except UnicodeError as e:
    print("UnicodeError")
try:
    b"\xc3\x28".decode()
except UnicodeError as e:
    print("UnicodeError")
print(b"a\xc3\xa9b".decode().encode() == b"a\xc3\xa9b", "x\u0301" != "\xe1", len("x\u0301"))
print(" é ".strip(), "\u2003é\u2003".strip(), "é\n".rstrip(), "a\u2028b".splitlines())
print(int("١٢") if False else 12, "Ⅻ".isnumeric(), "²".isdigit(), "٣".isdecimal(), "🙂".isprintable())
for ch in ["\t", "\n", "\x1b", "é", "\u0300", "\u2028", "\U0001F600", "\xad"]:
    print(repr(ch), len(ch))
