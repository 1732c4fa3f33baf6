# None behaviour
print(None, repr(None), str(None), type(None).__name__, bool(None), None == None, None != 0)
print(None is None, [None] * 2, {None: "nokey"}[None], (None,), None in [None], hash(None) == hash(None))
def noreturn():
    pass
def bare_return():
    return
print(noreturn(), bare_return(), print("side") is None)
nothing = None
for op in [lambda: nothing + 1, lambda: nothing < 1, lambda: len(nothing), lambda: nothing[0], lambda: nothing(), lambda: -nothing]:
    try:
        op()
    except TypeError:
        print("TypeError", end=" ")
print()
try:
    None.foo
except AttributeError:
    print("AttributeError")
try:
    for x in None:
        pass
except TypeError:
    print("TypeError not iterable")
print(None or "default", None and "never", not None, [x for x in [None, 0, 1] if x is not None])
d = {"a": None}
print(d.get("a"), d.get("b"), "a" in d, d.get("a", 1), d.get("b", 1))
print(f"{None}", "%s" % None, "{}".format(None), "{!r}".format(None), str([None]))
print(None.__class__.__name__, type(None)() is None if False else "skip")
print(sorted([3, 1], key=lambda v: v) is not None, [].sort() is None, {}.update({}) is None)
print(max([None, None], key=lambda v: 0), list(filter(None, [None, 1, 0, 2])))
