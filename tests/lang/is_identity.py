# identity (is / is not) semantics that every implementation guarantees
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, b is not a)
print(None is None, True is True, False is not True, ... is Ellipsis)
x = None
print(x is None, x is not None, type(None) is type(x))
def f():
    pass
print(f() is None, f is f, len is len, int is int, type(1) is int)
class K:
    pass
k1, k2 = K(), K()
print(k1 is k1, k1 is k2, K is type(k1), K() is K())
t = ()
print(t is t, () == (), [] is [], {} is not {})
s = "hello"
s2 = s
print(s is s2, s2 is s)
print(bool([]) is False, (1 == 1) is True, (1 == 2) is False, not None is True)
d = {"k": a}
print(d["k"] is a, [a][0] is a, (a,)[0] is a)
l = [None] * 3
print(l[0] is l[1] is None, [[]] * 2 == [[], []], all(v is None for v in l))
m = [[]] * 2
m[0].append(1)
print(m, m[0] is m[1])
n = [[] for _ in range(2)]
n[0].append(1)
print(n, n[0] is n[1])
def ident(v):
    return v
obj = object()
print(ident(obj) is obj, obj is not object())
print(NotImplemented is NotImplemented, type(NotImplemented).__name__)
it = iter(a)
print(iter(it) is it)
g = (i for i in range(1))
print(iter(g) is g)
