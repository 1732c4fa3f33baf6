# json.dumps and json.dump: every type, separators, escapes, dict keys of
# each kind, subclasses of the builtin types, nesting, and every error.
# Text beyond ASCII is json_unicode.py's (MicroPython writes it as UTF-8,
# CPython escapes it by default).
import json


def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


check(lambda: json.dumps(None))
check(lambda: json.dumps(True))
check(lambda: json.dumps(False))
check(lambda: json.dumps(0))
check(lambda: json.dumps(-17))
check(lambda: json.dumps(2**100))
check(lambda: json.dumps(-(3**90)))
check(lambda: json.dumps(1.5))
check(lambda: json.dumps(-0.25))
check(lambda: json.dumps(2.0))
check(lambda: json.dumps(-0.0))
check(lambda: json.dumps(1e16))
check(lambda: json.dumps(float("inf")))
check(lambda: json.dumps(float("-inf")))
check(lambda: json.dumps(float("nan")))
check(lambda: json.dumps(""))
check(lambda: json.dumps("abc"))
check(lambda: json.dumps('q"uote\\back/slash'))
check(lambda: json.dumps("\n\r\t\b\f"))
check(lambda: json.dumps("\x00\x01\x1f\x20~"))
check(lambda: json.dumps([]))
check(lambda: json.dumps(()))
check(lambda: json.dumps({}))
check(lambda: json.dumps([1, [2, [3, []]], {}]))
check(lambda: json.dumps((1, "a", None, True)))
check(lambda: json.dumps({"a": 1, "b": [1, 2], "c": {"d": None}}))
check(lambda: json.dumps([{"k": (1, 2)}, [{}], {"x": []}]))

# dict keys: str as is; numbers, bools and None written as strings
check(lambda: json.dumps({2: "int", -2**70: "big", True: "t", False: "f", None: "n"}))
check(lambda: json.dumps({1.5: 1, float("inf"): 2, float("-inf"): 3}))
check(lambda: json.dumps({(1, 2): 3}))
check(lambda: json.dumps({b"k": 3}))
check(lambda: json.dumps({frozenset(): 3}))

# insertion order, and entries deleted before writing
d = {"z": 1, "a": 2, "m": 3, "b": 4}
del d["z"]
del d["m"]
d["y"] = 5
check(lambda: json.dumps(d))

# separators
check(lambda: json.dumps({"a": [1, 2], "b": 3}, separators=(",", ":")))
check(lambda: json.dumps({"a": [1, 2], "b": 3}, separators=[" , ", " = "]))
check(lambda: json.dumps({"a": [1, 2]}, separators=("", "")))
check(lambda: json.dumps([1, 2], separators=None))
check(lambda: json.dumps([1, 2], separators=iter(("|", "#"))))
check(lambda: json.dumps([1, 2], separators="|#"))

# instances of classes derived from the builtin types
class L(list):
    pass


class D(dict):
    pass


class S(str):
    pass


class I(int):
    pass


class F(float):
    pass


class T(tuple):
    pass


check(lambda: json.dumps([L([1, 2]), D(a=1), S("s"), I(5), F(0.5), T((1,)), {S("k"): I(2)}]))

# nesting: no limit but the heap
deep = []
for i in range(120):
    deep = {"k": deep} if i % 10 == 0 else [deep, i]
text = json.dumps(deep, separators=(",", ":"))
print(len(text), text[:40], text[-40:])

# a container inside itself: CPython's ValueError, espy's RecursionError
loop = [1]
loop.append(loop)
try:
    json.dumps(loop)
except (ValueError, RuntimeError):
    print("circular list refused")
loop = {}
loop["self"] = loop
try:
    json.dumps(loop)
except (ValueError, RuntimeError):
    print("circular dict refused")

# errors
check(lambda: json.dumps(set()))
check(lambda: json.dumps(b"x"))
check(lambda: json.dumps(bytearray(b"x")))
check(lambda: json.dumps(object))
check(lambda: json.dumps([1, {"a": range(3)}]))
check(lambda: json.dumps(len))
check(lambda: json.dumps([1], separators=(",")))
check(lambda: json.dumps([1], separators=(",", ":", "x")))


def check_type(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)


# The wording of these is the implementation's.
check_type(lambda: json.dumps([1], separators=5))
check_type(lambda: json.dumps([1], foo=1))
check_type(lambda: json.dumps([1], separators=(1, ":")))
check_type(lambda: json.dumps([1], separators=(",", None)))
check_type(lambda: json.dumps())


# dump: the same text, written to any object with write()
class Out:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def text(self):
        return "".join(self.parts)


out = Out()
print(json.dump({"a": [1, 2.5, None], "b": "x" * 300}, out))
print(out.text() == json.dumps({"a": [1, 2.5, None], "b": "x" * 300}), len(out.text()))
out = Out()
json.dump([{"k": i} for i in range(50)], out, separators=(",", ":"))
print(out.text() == json.dumps([{"k": i} for i in range(50)], separators=(",", ":")), all(type(p) is str for p in out.parts))
out = Out()
json.dump(["tail", 1], out, separators=(";", "="))
print(out.text())
out = Out()
check(lambda: json.dump([1, set()], out))
check(lambda: json.dump([1], 5))
check_type(lambda: json.dump([1]))
