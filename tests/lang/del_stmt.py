# del statement
x = 1
del x
try:
    x
except NameError:
    print("NameError after del")
a = [0, 1, 2, 3, 4, 5]
del a[0]
del a[-1]
print(a)
del a[1:3]
print(a)
del a[:]
print(a)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
class O:
    pass
o = O()
o.attr = 1
o.other = 2
del o.attr
print(hasattr(o, "attr"), o.other)
p, q, r = 1, 2, 3
del p, q
print(r, "p" in dir(), "q" in globals())
l = [[1, 2], [3, 4]]
del l[0][1], l[1][0]
print(l)
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError:
        return "UnboundLocalError"
print(f())
try:
    del undefined_thing
except NameError:
    print("NameError del undefined")
t = (1, 2)
try:
    del t[0]
except TypeError:
    print("TypeError tuple del")
s = "abc"
try:
    del s[0]
except TypeError:
    print("TypeError str del")
class WithDel:
    def __delitem__(self, k):
        print("delitem", k)
    def __delattr__(self, n):
        print("delattr", n)
w = WithDel()
del w[3]
del w[1:2]
del w.anything
class Cls:
    a = 1
    b = 2
del Cls.a
print(hasattr(Cls, "a"), Cls.b)
for i in range(3):
    pass
del i
print("i" in globals())
ba = bytearray(b"hello")
del ba[1:4]
print(ba)
x = [1, 2, 3]
y = x
del x
print(y)
