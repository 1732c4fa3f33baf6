# string and bytes literals: escapes, prefixes, concatenation, continuation, numeric literals
print(repr("\x41\x42"), repr("\101\102\7"), repr("\0"), repr("\08"), repr("\777"[0:1]) if False else "", repr("\1234"))
print(repr("a\
b"), repr("""line1
line2"""), repr('''q'q"q'''), repr("tab\tnl\ncr\rbs\\"))
print(repr(r"\n\t\\"), repr(R"\x41"), repr(rb"\x41"), repr(Rb"\n"), repr(br"\\"), repr(bR"a\b"))
print(repr(r"\""), len(r"\""), repr(r"a\
b"))
print(repr(b"\x00\xff\n\t\\\'\""), repr(b"\101\7"), repr(b"abc" b"def"), repr(b"\u00e9"), len(b"\u00e9"))
print("ab" "cd" 'ef', "x" """y""" '''z''', ("multi"
      "line" "concat"))
print(repr("\u00e9\u20ac\U0001F600"), "\u00e9" == "é", len("\U0001F600"))
print(repr('"'), repr("'"), repr("'\""), repr("\\'"), repr("\x00\x1f\x7f"), repr(" ~"))
print(0x_ff if False else 255, 0xFF, 0o777, 0b1010, 1_000_000, 0x1_0, 0o1_7, 0b1_1, 00, 0_0)
print(1e3, 1E-3, 1.5e+2, .5e1, 1_0.0_1, 1e0_1 if False else 10.0, 0.0, 00.5, 0e10, 1.)
print(123456789012345678901234567890, 0xFFFFFFFFFFFFFFFFFFFF, 0b1 << 100 == 2 ** 100, -0x8000000000000000)
print(type(1e5).__name__, type(10 ** 5).__name__, 1_2.3_4e1_0)
x = 5
print(f"{x}" "plain" f"{x + 1}", "a" f"b{x}c" "d", f"{'q'}" 'r')
print(u"unicode prefix", U"upper", repr(u"\u00e9"))
print("""triple with "quotes" and 'single'""", '''and """ inside''')
print("""\
no leading newline""")
print("line continuation " \
      "works")
s = ("a"
     # comment inside parens
     "b")
print(s)
print(len("\n"), len(r"\n"), len("\\n"), len("\t"), ord("\a"), ord("\b"), ord("\f"), ord("\v"), ord("\r"))
print(eval(repr("mixed 'q' and \"dq\" \n \\")) == "mixed 'q' and \"dq\" \n \\")
for s2 in ["", "'", '"', "'\"", "\\", "\x80", "é", "\t", "a\u2028b"]:
    print(repr(s2), eval(repr(s2)) == s2)
for b in [b"", b"'", b'"', b"'\"", b"\\", b"\x80", b"\t"]:
    print(repr(b), eval(repr(b)) == b)
print(0 if 0 else 1, [1 for _ in"ab"])
