# del statement forms, NameError/UnboundLocalError, name lookups
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def tn(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)

x = 1
del x
t(lambda: x)
try:
    del x
except NameError as e:
    print("NameError", e)
a = b = c = 5
del a, b
print(c, "a" in globals(), "b" in globals())
l = list(range(10))
del l[0], l[-1]
print(l)
del l[1:3], l[::2]
print(l)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
class O:
    pass
o = O()
o.p = 1
o.q = 2
del o.p
print(hasattr(o, "p"), o.q)
try:
    del o.p
except AttributeError as e:
    print("AttributeError", e)
(p, [q, r]) = (1, [2, 3])
del (p, [q, r])
print("p" in globals(), "q" in globals())
def local_unbound():
    y = 1
    del y
    return y
tn(local_unbound)
def use_before_assign():
    print(z)
    z = 1
tn(use_before_assign)
def del_unbound_local():
    del w
    w = 1
tn(del_unbound_local)
def closure_deleted():
    v = 1
    def inner():
        return v
    del v
    return inner()
t(closure_deleted)
def del_in_loop():
    out = []
    for i in range(3):
        tmp = i * 2
        out.append(tmp)
        del tmp
    return out
print(del_in_loop())
def del_global():
    global gdel
    gdel = 5
    del gdel
    return "gdel" in globals()
print(del_global())
t(lambda: undefined_global_name)
def f_local():
    return undefined_in_function
t(f_local)
class K:
    attr = 1
    del attr
print(hasattr(K, "attr"))
try:
    del K.attr
except AttributeError as e:
    print("AttributeError")
s = "abc"
try:
    del s[0]
except TypeError as e:
    print("TypeError", e)
tp = (1, 2)
try:
    del tp[0]
except TypeError as e:
    print("TypeError", e)
for src in ["del [][0]", "x = [1]\ndel (x)[0]", "o = O()\no.a = 1\ndel (o).a", "[1][0] = 2", "del ([1])[0]"]:
    try:
        exec(src, {"O": O})
        print(repr(src), "ok")
    except Exception as e:
        print(repr(src), type(e).__name__, e)
ba = bytearray(b"abcdef")
del ba[1::2]
print(ba)
e_var = "keep"
try:
    raise ValueError("v")
except ValueError as e_var:
    pass
t(lambda: e_var)
for loopvar in range(3):
    pass
print(loopvar)
del loopvar
t(lambda: loopvar)
print(len, __name__, type(__doc__).__name__ if "__doc__" in globals() else "NoneType")
len = lambda x: "shadowed"
print(len([1, 2]))
del len
print(len([1, 2]))
