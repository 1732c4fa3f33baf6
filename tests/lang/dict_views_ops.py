# dict methods, views and their set operations, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = {"a": 1, "b": 2}
print(d.setdefault("a", 9), d.setdefault("c"), d.setdefault("d", []), d)
d["d"].append(1)
print(d.pop("a"), d.pop("zz", "dflt"), d.pop("c"), d)
t(lambda: d.pop("zz"))
t(lambda: {}.popitem())
e = {1: "x", 2: "y", 3: "z"}
print(e.popitem(), e.popitem(), e)
e.update({4: "w"}, five=5)
e.update([(6, "six"), (7, "seven")])
e.update(k1="v1")
e.update(((8, 8),))
print(e)
t(lambda: e.update([1, 2]))
t(lambda: e.update([(1, 2, 3)]))
t(lambda: e.update(5))
t(lambda: e.update({}, {}))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(0)))
fk = dict.fromkeys("xy", [])
fk["x"].append(1)
print(fk)
print(dict(a=1), dict([("a", 1)], b=2), dict({"a": 1}, a=2), dict(zip("ab", [1, 2])), dict(dict(q=1)))
t(lambda: dict([("a",)]))
t(lambda: dict(1))
t(lambda: {[]: 1})
t(lambda: {}[[]])
t(lambda: {}["missing"])
t(lambda: {}[(1, 2)])
t(lambda: {1: 2}.get([]))
print({}.get(1), {1: 2}.get(1, 0), {1: 2}.get(3, "no"))
v = {"a": 1, "b": 2, "c": 3}
k = v.keys()
it = v.items()
vals = v.values()
print(k, it, vals, len(k), "a" in k, ("a", 1) in it, ("a", 2) in it, 1 in vals)
v["z"] = 26
print(list(k), list(it)[-1], list(vals))
print(sorted(k & {"a", "z", "q"}), sorted(k | {"q"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(it & {("a", 1), ("b", 0)}), sorted(it - {("a", 1)}), k == {"a", "b", "c", "z"}, k <= {"a", "b", "c", "z", 1})
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), sorted({"a", "m"} & k), sorted(["b", "n"] if False else k - ["b"]))
print(list(reversed(v)) if hasattr(v, "__reversed__") else list(reversed(list(v))))
t(lambda: vals & {1})
t(lambda: k[0])
try:
    for kk in v:
        v[kk + "!"] = 0
except RuntimeError as e:
    print("RuntimeError", e)
print({1: 1} == {1: 1.0}, {1: 2} == {1: 3}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {} != {1: 1})
t(lambda: {1: 1} < {2: 2})
m = {"x": 1} | {"y": 2, "x": 3}
m |= {"w": 0}
m |= [("v", 9)]
print(m)
t(lambda: {"x": 1} | [("a", 1)])
print(repr({}), repr({1: {2: {}}}), str({"k": "v"}), {True: "t", 1: "one"}, {0: "z", False: "f", 0.0: "zf"})
rd = {}
rd["self"] = rd
print(rd)
print({**{"a": 1}, "b": 2, **{"a": 3}}, {k2: v2 for k2, v2 in [(1, 2), (1, 3)]})
c = v.copy()
c.clear()
print(c, v == v.copy(), len(v), list(iter(v)), list(v.items())[0], type(v.keys()).__name__)
