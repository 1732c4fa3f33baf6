# json.loads: every kind of value, whitespace, escapes (incl. surrogate
# pairs), big ints, str/bytes/bytearray input, deep nesting; and every
# malformed input with CPython's message and position (CPython raises
# json.JSONDecodeError, a ValueError; espy a ValueError).
import json


def check(text):
    try:
        print(repr(json.loads(text)))
    except ValueError as e:
        print("ValueError", e)
    except Exception as e:
        print(type(e).__name__, e)


# ints have CPython's limit of 4300 digits (first: it needs 4 KiB in one piece)
check("-" + "1" * 4301)
print(json.loads("1" * 4300) % 100000)

# values
for text in ["null", "true", "false", "0", "-0", "7", "-123", "1.5", "-0.25", "2.5e3", "1E2", "1e-2", "-5e+1",
             "0.5E-1", "123456789012345678901234567890", "-98765432109876543210", "1e400", "-1e400",
             "NaN", "Infinity", "-Infinity", '""', '"abc"', "[]", "{}", "[1, 2, 3]", '{"a": 1}',
             '[1, "two", 3.5, null, true, false, [], {}]', '{"a": {"b": [1, {"c": null}]}, "d": "e"}',
             '[[[[["deep"]]]]]', '{"a": 1, "a": 2}', '{"": 0}', '[-0.0]']:
    check(text)

# whitespace: space, tab, newline, carriage return, anywhere between tokens
check(' \t\n\r[ 1 ,\n2\t, { "k" :\r"v" } ] \n')
check("\n\n  42  \n")

# escapes
check('"\\"\\\\\\/\\b\\f\\n\\r\\t"')
check('"\\u0041\\u00e9\\u20ac\\uFFFD"')
check('"\\ud83d\\ude00 smile"')
check('"a\\u0000b"')
check('"tab\\tend"')
print(json.loads('"\\ud834\\udd1e"') == "\U0001d11e", len(json.loads('"\\ud834\\udd1e"')))
print(json.loads('"x\\u00e9y"') == "x\u00e9y", json.loads('"\u00e9\u4e2d"') == "\u00e9\u4e2d")

# input types
check(b'[1, "\xc3\xa9"]')
check(bytearray(b'{"k": [true]}'))
check(b"\xef\xbb\xbf[1]")
check("\ufeff[1]")
check(b'"\xff"')
check(b'["\xc3"]')
check(1)
check(None)
check(["[]"])
check(memoryview(b"[]"))

# big results
print(json.loads("[" + ",".join(str(i) for i in range(300)) + "]") == list(range(300)))
d = json.loads("{" + ",".join('"k%d": %d' % (i, i) for i in range(100)) + "}")
print(len(d), d["k0"], d["k99"], list(d)[:3])
nest = json.loads("[" * 200 + "]" * 200)
depth = 0
while nest:
    nest = nest[0]
    depth += 1
print(depth)
print(json.loads('{"a":' * 50 + "0" + "}" * 50) is not None)

# malformed input: the message and where
for text in ["", " ", "[", "]", "{", "}", "[1,]", "[1 2]", "[1,,2]", "[,1]", "[1", "[1,", '{"a" 1}', '{"a"',
             '{"a":', '{"a":1', '{"a":1,}', '{"a":1 "b":2}', '{1:2}', "{'a':1}", '{"a":1,,"b":2}', '{,}',
             "nul", "tru", "fals", "nulll", "True", "None", "nan", "inf", "-inf", "-Inf", "NaNa", "1 2",
             "[] x", "{} {}", "01", "00", "-01", "1.", ".5", "+1", "-", "-x", "1e", "1e+", "1.5e", "1ex", "0x10",
             "1.2.3", "--1", '"abc', '"', '"\\', '"\\x"', '"\\u12"', '"\\u12zz"', '"\\u1234', '"\\uzzzz"',
             '"\\ud83d\\u00zz"', '"a\nb"', '"\t"', '"\x00"', '"\x1f"', "[\n1,\n2,\n]", "\n\n  x",
             '"\u00e9\u00e9" x', '["\u00e9", x]', "[1]\n\n[2]", "/* c */ 1", "[1] // c", "undefined",
             "'single'", "[1,2", '{"x":[1,2],"y":{}}  \n  z']:
    check(text)
