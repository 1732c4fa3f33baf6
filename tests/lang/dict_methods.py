# dict methods
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("d", 4), d)
print(d.pop("d"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
print(d.popitem(), d)
d.update({"x": 10}, y=20)
d.update([("z", 30)])
print(d)
k = d.keys()
v = d.values()
i = d.items()
print(len(k), len(v), len(i), "x" in k, 10 in v, ("x", 10) in i, ("x", 11) in i)
d["w"] = 5
print(list(k), list(v), list(i))
print(sorted(k), sorted(v), sorted(i))
print(k & {"a", "w", "q"} == {"a", "w"}, sorted(k | {"n"}), sorted(k - {"a"}))
c = d.copy()
c["a"] = 100
print(d["a"], c["a"], c is d)
c.clear()
print(c, len(c))
try:
    {}.popitem()
except KeyError:
    print("KeyError popitem")
print(dict.fromkeys(range(3), "v"), {}.get(1, []), list(reversed({"p": 1, "q": 2})))
m = {}
m.setdefault("list", []).append(1)
m.setdefault("list", []).append(2)
print(m)
o = {"first": 1, "second": 2, "third": 3}
del o["first"]
o["first"] = 1
print(o, list(o.keys())[0])
o["second"] = 22
print(o)
print(type(o.keys()).__name__, type(o.values()).__name__, type(o.items()).__name__)
for key, val in sorted(o.items(), key=lambda kv: kv[1]):
    print(key, val)
print(list(zip(o.keys(), o.values())) == list(o.items()))
e = dict(a=1)
print(e.pop("a"), e, e.get("a", "gone"))
