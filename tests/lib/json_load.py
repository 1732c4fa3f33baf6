# json.load and json.dump with streams: a stream is read in pieces through
# a small buffer, so every token is tried across a piece boundary (the
# document is shifted by padding); errors report positions in the whole
# text; an object with only a read() method is read at once.
import io
import json

DOC = ('{"name": "espy \\u00e9\\ud83d\\ude00 \\"q\\" \\\\ \\n", "n": [0, -1, 12345678901234567890, 2.5, -0.125e2, 1E3],'
       ' "flags": [true, false, null], "nested": {"a": [[], {}, [{"b": "c"}]], "long": "' + "x" * 150 + '"},'
       ' "\u00e9t\u00e9": "\u4e2d\u6587", "end": -Infinity}')
expected = json.loads(DOC)
ok = True
for pad in range(0, 300, 3):
    text = " " * pad + DOC + "\n" * (pad % 5)
    ok = ok and json.load(io.BytesIO(text.encode())) == expected
    ok = ok and json.load(io.StringIO(text)) == expected
print(ok, len(DOC))
print(json.load(io.BytesIO(DOC.encode()))["nested"]["a"], json.load(io.StringIO("[1, 2]")))
print(json.load(io.BytesIO(b"  7  ")), json.load(io.BytesIO(b'"\\u00e9"')))


def check(f):
    try:
        print(repr(f()))
    except ValueError as e:
        print("ValueError", e)
    except Exception as e:
        print(type(e).__name__, e)


def check_type(f):
    try:
        print(repr(f()))
    except ValueError as e:
        print("ValueError")


# errors at and across piece boundaries, positions counted in the whole text
for pad in (0, 100, 126, 127, 128, 129, 200):
    check(lambda: json.load(io.BytesIO(b" " * pad + b'["abc')))
    check(lambda: json.load(io.BytesIO(b"\n" * pad + b'[1, "\\x"]')))
    check(lambda: json.load(io.BytesIO(b" " * pad + b'{"k": "\\u12"}')))
    check(lambda: json.load(io.BytesIO(("\u00e9" * pad + '"').encode())))
    check(lambda: json.load(io.BytesIO(b'["' + b"a" * pad + b'", tru]')))
    check(lambda: json.load(io.BytesIO(b"[" + b"1" * pad + b"e]")))
check(lambda: json.load(io.BytesIO(b"")))
# text that is not UTF-8 (espy counts the position of the bad byte in the string)
check_type(lambda: json.load(io.BytesIO(b'["\xff"]')))
check_type(lambda: json.load(io.BytesIO(b'["' + b"a" * 200 + b'\xc3"]')))
check(lambda: json.load(io.BytesIO(b"[1] [2]")))
check(lambda: json.load(5))
check(lambda: json.load(io.BytesIO(b"-")))


class Reader:
    def __init__(self, text):
        self.text = text

    def read(self):
        return self.text


print(json.load(Reader('{"k": [1, "v"]}')), json.load(Reader(b"[true]")))
check(lambda: json.load(Reader("[1,]")))
check(lambda: json.load(Reader(5)))

# dump to a stream and back
out = io.StringIO()
json.dump(expected, out)
print(json.loads(out.getvalue()) == expected)
out = io.StringIO()
json.dump(["x" * 1000, {"k": "\u00e9" * 200}], out, separators=(",", ":"))
print(out.getvalue() == json.dumps(["x" * 1000, {"k": "\u00e9" * 200}], separators=(",", ":")))

# a byte order mark starts bytes, not text
print(json.load(io.BytesIO(b"\xef\xbb\xbf[1, 2]")))
check(lambda: json.load(io.BytesIO(b"\xef\xbb\xbf[1,")))
