# dict basics
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], "b" in d, "z" in d, "z" not in d)
d["a"] = 10
print(d)
del d["b"]
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
d["b"] = 20
print(d)
print({}, dict(), dict(x=1, y=2), dict([("k", "v"), (1, 2)]), dict({"m": 0}, n=1))
print(dict(zip("abc", range(3))), dict.fromkeys(["p", "q"]), dict.fromkeys("ab", 0))
keys = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?"}
print(keys, keys[1], keys[(1, 2)], keys[None])
print({1: "a", 1.0: "b", True: "c"})
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e.args[0]))
try:
    {}[(1, 2)]
except KeyError as e:
    print("KeyError", e)
try:
    {[1]: 2}
except TypeError:
    print("TypeError unhashable")
try:
    del d["nope"]
except KeyError:
    print("KeyError del")
e = {}
for i in range(100):
    e[i] = i * i
for i in range(0, 100, 2):
    del e[i]
print(len(e), e[99], list(e)[:5], sum(e.values()))
for i in range(10):
    e[i] = -i
print(list(e.items())[-3:], len(e))
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
n = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(n["outer"]["inner"][2]["deep"], n)
it = {"x": 1, "y": 2, "z": 3}
for k in it:
    print(k, it[k], end="; ")
print()
for k, v in it.items():
    print(k, v, end="; ")
print()
try:
    for k in it:
        it["new" + k] = 0
except RuntimeError:
    print("RuntimeError changed size")
c = {}
for w in "the quick the lazy the end quick".split():
    c[w] = c.get(w, 0) + 1
print(c)
print(sorted(c, key=c.get), max(c, key=c.get))
r = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(r, {**r, 3: "c"}, {**{"x": 1}, "x": 2})
print(repr({"q": 'it\'s'}), str({1: [2]}), bool({}), bool({0: 0}))
big = {str(i): i for i in range(1000)}
print(len(big), big["999"], big["0"], "1000" in big)
print(dict([(i, i) for i in range(5)]) | {9: 9}, {1: 1} | {1: 2})
u = {"a": 1}
u |= {"b": 2}
print(u)
