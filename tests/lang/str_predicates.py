# is* predicates and case methods
samples = ["", "a", "A", "aB", "abc", "ABC", "Abc", "Abc Def", "abc Def", "123", "1.5", "-1",
           "a1", " ", " \t\n", "\x0b\x0c\x1c", "_", "é", "É", "ß", "Ǆ", "ǅ", "١٢٣", "½", "²",
           "Ⅷ", "中文", "a b", "A1B", "Σ", "ΣΑΣ", "hello!", "HELLO!", "\u00a0", "\u3000", "ⅰ"]
names = ["isalpha", "isdigit", "isspace", "isupper", "islower", "isalnum", "isdecimal",
         "isnumeric", "istitle", "isidentifier", "isprintable", "isascii"]
for s in samples:
    row = []
    for n in names:
        row.append("1" if getattr(s, n)() else "0")
    print(repr(s), "".join(row))
for s in ["hello world", "HELLO", "mIxEd CaSe", "ßtraße", "éa", "ǆ", "o'neil mc-donald", "a1b2",
          "ΣΑΣ", "İ", "ﬁ", "123abc", ""]:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.swapcase()), repr(s.title()),
          repr(s.capitalize()))
print("\tx".isprintable(), "\x7f".isprintable(), "é".isprintable(), "\n".isprintable())
print(b"abc".isalpha(), b"ab1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"AB".isupper(),
      b"ab".islower(), b"".isalpha(), b"\xe9".isalpha(), b"Ab Cd".istitle())
print(b"hello World".upper(), b"HeLLo".lower(), b"aBc".swapcase(), b"ab cd".title(), b"abc".capitalize())
# every ASCII character through every predicate (one bit string per predicate)
for n in names:
    print(n, "".join("1" if getattr(chr(i), n)() else "0" for i in range(128)))
for n in ["isalpha", "isdigit", "isspace", "isupper", "islower", "isalnum"]:
    print("bytes", n, "".join("1" if getattr(bytes([i]), n)() else "0" for i in range(256)))
print([c for c in map(chr, range(128)) if c.upper() != c][:3], "".join(chr(i).swapcase() for i in range(32, 127)))
for s in ["a1", "1a", "A_b", "__", "Hello World", "HELLO WORLD 2", "hello world 2", "  ", "A", "a", "1", "Aa Bb", "Aa bB", "ΑΒΓ", "αβγ", "Ǉ"]:
    print(repr(s), s.isupper(), s.islower(), s.istitle(), s.title(), s.capitalize(), s.swapcase())
