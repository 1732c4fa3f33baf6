# repr/str of containers: recursion, nesting, quotes, print sep/end
a = [1, 2]
a.append(a)
print(a, repr(a), str(a), len(a))
d = {"k": 1}
d["self"] = d
d["list"] = [d]
print(d)
b = [a, a]
print(b)
t = (a,)
print(t)
s = {"x": [1, {2: (3, [4])}]}
print(s, repr(s) == str(s))
print(repr([]), repr(()), repr((1,)), repr((1, 2)), repr({}), repr(set()), repr([()]), repr(((),)))
print(["a'b", 'c"d', "e'f\"g", "\n", "\\"], ("x",), {"q": "'"})
print([1.0, -0.0, 1e100, 1.5e-10, float("inf"), float("nan")], (True, None, ...))
print([b"x", bytearray(b"y"), range(3), range(1, 5, 2), slice(1, 2), slice(None)])
print(repr(range(0)), repr(range(-3, 3)), str(range(5, 0, -1)), [range(2)])
class R:
    def __repr__(self):
        return "R!"
    def __str__(self):
        return "str-R"
print([R()], (R(),), {R(): R()} if False else {1: R()}, str([R()]), R(), str(R()))
print(1, 2, 3, sep="")
print(1, 2, 3, sep=", ", end=".\n")
print("a", "b", sep=None, end=None)
print(sep="-")
print()
print("no newline", end="")
print(" continued")
print(*[1, 2, 3], sep=" | ")
print(*"abc", sep="")
print("x", end="\n\n")
print("multi\nline", "arg")
print([1, [2, [3, [4, [5]]]]], ((((1,),),),), {1: {2: {3: {}}}})
print(list(range(20)))
print(repr("a" * 50)[:10], len(repr(list(range(1000)))))
nested = []
cur = nested
for i in range(50):
    nxt = []
    cur.append(nxt)
    cur = nxt
print(repr(nested)[:20], len(repr(nested)))
print(repr(frozenset()), repr(frozenset([1])), repr({frozenset([1]): 2}))
print(type(repr(1)), repr(-5), repr(2 ** 70), repr(True), repr(None), repr(Ellipsis), repr(NotImplemented))
print(str(...), str(None), ascii("é€"), ascii(["ü", b"\xff", "\U0001F600"]))
