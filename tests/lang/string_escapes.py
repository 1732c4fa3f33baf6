# string literal escapes
print("tab:\t|", "nl:\\n", "quote:\"", 'apos:\'', "back:\\")
print(len("\n"), len("\t"), len("\\"), len("\0"), len("\x41"), len("\101"))
print("\x41\x42\x43", "\101\102", "\u00e9", "\u20ac", "\U0001F600" == "😀")
print(repr("\n\t\r\\"), repr("\x00\x01\x7f"), repr("\x80\xff"), repr("é€"))
print(repr("\a\b\f\v"), ord("\a"), ord("\b"), ord("\f"), ord("\v"))
print(r"raw\n\t", len(r"\n"), r"\\", rb"\x00", len(rb"\x00"))
print("line1\
line2")
print("""triple "quoted" string""", '''another 'one' ''')
print("""multi
line""")
print("adj" "acent", 'mixed' "quotes")
print(b"\x00\xff\n", b"\t\\", list(b"\x01\x02\x7f\x80"))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr("'"), repr('"'))
print(repr(chr(0x1f)), repr(chr(0x7f)), repr(chr(0x9f)), repr("~é"))
print(ascii("é€😀"), ascii("plain"), ascii(["é"]))
print("\'" == "'", '\"' == '"')
print([ord(c) for c in "\r\n\t\0"])
s = "a\
b"
print(s, len(s))
print(repr("\1\12\123"), [ord(c) for c in "\1\12\123"])
