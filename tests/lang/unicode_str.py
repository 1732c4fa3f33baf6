# unicode strings: len, index, slice, methods
s = "héllo wörld €5 😀!"
print(s, len(s))
print(s[1], s[-2], s[12], s[-1], s[15])
print(s[1:5], s[::-1], s[::2], s[-4:], s[6:11])
print(s.find("€"), s.find("😀"), s.index("ö"), s.count("l"))
print(s.split(" "), s.replace("€", "EUR"), s.startswith("hé"), s.endswith("😀!"))
print(list("é€😀"), [ord(c) for c in "é€😀"], chr(233), chr(8364), chr(128512))
print("é".encode(), "€".encode(), "😀".encode(), len("😀".encode()))
print(b"\xc3\xa9".decode(), b"\xe2\x82\xac".decode("utf-8"), bytes("ü", "utf-8"))
print("café".center(10, "*"), "café".ljust(6) + "|", "naïve x".split())
print("Ab€".lower(), "ab€".upper())
print("é" < "f", "é" > "e", "€" > "z", sorted(["é", "e", "z", "a"]))
print("é" in "café", "fé" in "café", "x" in "café", "café".find("é"))
print(repr("é"), str("€"), "%s|%5s|" % ("é", "€"), "{:>4}|".format("ü"))
t = ""
for ch in "añb€":
    t += ch + "."
print(t, len(t))
print("".join(reversed("añb€😀")), "a€b€c".split("€"), "€".join(["x", "y"]))
print("日本語"[1], len("日本語"), "日本語".encode(), "日本語" * 2)
print(hash("é") == hash("é"), {"é": 1, "€": 2}["€"])
d = {}
for ch in "añaña":
    d[ch] = d.get(ch, 0) + 1
print(d)
u = "x€y"
print(u[0:1], u[1:2], u[2:3], u[3:], u[1:-1], u[-2::-1])
print(ord("€"), hex(ord("😀")), "\u00e9" == "é", "%c" % 8364)
print(str(b"\xc3\xa9", "utf-8"), "é".encode("utf-8").decode())
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeError as e:
    print("UnicodeDecodeError", isinstance(e, ValueError))
